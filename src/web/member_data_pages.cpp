#include "web/member_data_pages.hpp"

#include "core/clock.hpp"
#include "core/error.hpp"
#include "web/file_transfer.hpp"
#include "web/sign_in_pages.hpp"

namespace vitae::web {

namespace {

// The file as JSON; Error(bad_request) when it is not.
nlohmann::json archive_json(const std::string& bytes) {
    auto archive = nlohmann::json::parse(bytes, nullptr, false);
    if (archive.is_discarded())
        throw Error(ErrorCode::bad_request, "This file is not JSON; choose a Vitae data export.");
    return archive;
}

}  // namespace

void register_member_data_pages(http::Router& router, const AccountPage& account,
                                backup::MemberArchive& archive) {
    router.get(
        "/account/export", http::Access::member,
        [&archive](const httplib::Request&, httplib::Response& res, const auth::Principal& who) {
            auto day = core::format_utc(std::chrono::system_clock::now(), "%Y-%m-%d");
            send_download(res, archive.export_all(who.user_id).dump(2), "application/json",
                          "vitae-data-" + day + ".json");
        });

    router.post("/account/import", http::Access::member,
                [account, &archive](const httplib::Request& req, httplib::Response& res,
                                    const auth::Principal& who) {
                    handle_form(res, account.views, "account", "Account",
                                account_data(account, req, who), BrowserSessions::viewer(who), [&] {
                                    archive.import_all(who.user_id,
                                                       archive_json(uploaded_file(req, "data")));
                                    res.set_redirect("/account?done=imported#data", 303);
                                });
                });
}

}  // namespace vitae::web
