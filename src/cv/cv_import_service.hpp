#pragma once
// Importing a CV from a file: the upload is read into a draft (cv/import/cv_import.hpp),
// its original kept by content hash (UploadStore) and recorded for its owner; nothing
// becomes a CV until the member confirms, and the draft confirmed is parsed again from
// the stored original, never taken from the client. Owner-scoped: another member's upload
// is "not found".
//
//   auto draft = imports.upload(me, bytes, "cv.pdf");     // Error 400/413/415 when refused
//   auto again = imports.draft(me, draft.upload.id);      // for the review page
//   auto cv = imports.save(me, draft.upload.id, {.title = "Jane", .template_name = "ats"});
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "cv/cv_service.hpp"
#include "cv/import/cv_import.hpp"
#include "cv/upload_store.hpp"

namespace vitae::store {
class Database;
struct UploadRow;
}  // namespace vitae::store

namespace vitae::cv {

struct Upload {
    std::int64_t id = 0;
    SourceKind kind = SourceKind::text;
    std::string media_type;
    std::string original_name;  // for display only; "" for pasted text
    std::int64_t size = 0;
    std::optional<std::int64_t> cv_id;  // set once saved as a CV
    std::int64_t created_at = 0;
};

struct ImportDraft {
    Upload upload;
    ImportedCv imported;
};

struct OriginalFile {
    std::string bytes;
    std::string media_type;
    std::string file_name;  // ASCII, safe in Content-Disposition
};

struct SaveImport {
    std::string title;  // empty: basics.name, else the file's name, else "Imported CV"
    std::string template_name = "classic";
};

class CvImportService {
  public:
    // Unsaved drafts older than this are deleted by prune_unsaved().
    static constexpr std::int64_t kUnsavedKeepSeconds = 24 * 3600;

    CvImportService(store::Database& db, CvService& cvs, UploadStore files, core::UnixClock clock,
                    ImportLimits limits);

    // Reads the file into a draft; only a file that gives a draft is kept. Throws what
    // import_document throws (bad_request, payload_too_large, unsupported_media).
    ImportDraft upload(std::int64_t owner, std::string_view bytes, std::string_view original_name);
    // The draft of a stored upload, parsed again from the original.
    ImportDraft draft(std::int64_t owner, std::int64_t upload_id);
    // Creates the CV from the stored original and links the upload to it. Saving an
    // upload that is a CV already returns that CV rather than a second copy.
    Cv save(std::int64_t owner, std::int64_t upload_id, const SaveImport& how);
    // The original a CV was imported from; Error(not_found) when it was not imported.
    OriginalFile original(std::int64_t owner, std::int64_t cv_id);
    // Deletes unsaved uploads older than a day, and the files no upload names any more.
    // Returns the uploads deleted.
    int prune_unsaved();

    const ImportLimits& limits() const { return limits_; }

  private:
    store::UploadRow owned(std::int64_t owner, std::int64_t upload_id);

    store::Database& db_;
    CvService& cvs_;
    UploadStore files_;
    core::UnixClock clock_;
    ImportLimits limits_;
};

// What of a client's file name is worth showing: the last path component, control
// characters dropped, at most 200 bytes of valid UTF-8; "" when nothing is left.
std::string display_file_name(std::string_view name);

}  // namespace vitae::cv
