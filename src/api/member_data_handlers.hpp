#pragma once
// JSON API for a member's own data as one document: GET /api/v1/me/export and
// POST /api/v1/me/import (the body is such a document; all or nothing).
#include "backup/member_archive.hpp"
#include "http/router.hpp"

namespace vitae::api {

void register_member_data_routes(http::Router& router, backup::MemberArchive& archive);

}  // namespace vitae::api
