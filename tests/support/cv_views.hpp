#pragma once
// The CV templates as the binary embeds them, for tests that render CVs.
#include "core/asset_store.hpp"
#include "web/views.hpp"

namespace vitae::test {

inline const web::Views& cv_views() {
    static const auto assets = core::AssetStore::embedded();
    static const web::Views instance(assets, "test");
    return instance;
}

}  // namespace vitae::test
