#pragma once
// A member's own data on the account page: download all of it as one JSON file
// (GET /account/export) and import such a file (POST /account/import).
#include "backup/member_archive.hpp"
#include "http/router.hpp"
#include "web/account_page.hpp"

namespace vitae::web {

void register_member_data_pages(http::Router& router, const AccountPage& account,
                                backup::MemberArchive& archive);

}  // namespace vitae::web
