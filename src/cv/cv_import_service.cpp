#include "cv/cv_import_service.hpp"

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "cv/cv_export.hpp"
#include "store/database.hpp"
#include "store/upload_repository.hpp"

namespace vitae::cv {

namespace {

SourceKind kind_from(std::string_view text) {
    for (auto kind : {SourceKind::pdf, SourceKind::docx, SourceKind::json, SourceKind::text}) {
        if (to_string(kind) == text)
            return kind;
    }
    throw Error(ErrorCode::internal, "unknown upload kind in the database: " + std::string(text));
}

Upload upload_from(const store::UploadRow& row) {
    return {row.id,   kind_from(row.kind), row.media_type, row.original_name,
            row.size, row.cv_id,           row.created_at};
}

std::string_view extension_of(SourceKind kind) {
    return kind == SourceKind::text ? "txt" : to_string(kind);
}

std::string stem_of(std::string_view name) {
    const auto dot = name.rfind('.');
    return std::string(dot == std::string_view::npos || dot == 0 ? name : name.substr(0, dot));
}

std::string default_title(const ImportDraft& draft) {
    const auto& resume = draft.imported.resume;
    if (resume.contains("basics") && resume["basics"].is_object()) {
        const auto& basics = resume["basics"];
        if (basics.contains("name") && basics["name"].is_string() &&
            !basics["name"].get<std::string>().empty())
            return basics["name"].get<std::string>().substr(0, 200);
    }
    if (const auto stem = stem_of(draft.upload.original_name); !stem.empty())
        return stem;
    return "Imported CV";
}

}  // namespace

std::string display_file_name(std::string_view name) {
    if (const auto slash = name.find_last_of("/\\"); slash != std::string_view::npos)
        name = name.substr(slash + 1);
    std::string out;
    for (char c : name) {
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f)
            out += c;
    }
    if (out.size() > 200)
        out.resize(200);
    while (!out.empty() && !core::is_utf8(out))  // a cut through a character, or garbage
        out.pop_back();
    return out;
}

CvImportService::CvImportService(store::Database& db, CvService& cvs, UploadStore files,
                                 core::UnixClock clock, ImportLimits limits)
    : db_(db), cvs_(cvs), files_(std::move(files)), clock_(clock), limits_(limits) {}

ImportDraft CvImportService::upload(std::int64_t owner, std::string_view bytes,
                                    std::string_view original_name) {
    auto imported = import_document(bytes, limits_);
    store::UploadRow row{.id = 0,
                         .user_id = owner,
                         .sha256 = {},
                         .size = static_cast<std::int64_t>(bytes.size()),
                         .media_type = std::string(media_type(imported.kind)),
                         .kind = std::string(to_string(imported.kind)),
                         .original_name = display_file_name(original_name),
                         .cv_id = std::nullopt,
                         .created_at = clock_()};
    // The file is written inside the write transaction: prune_unsaved() deletes files in
    // one too, so it can never remove a file between our writing it and our row naming it.
    row.id = db_.write([&](store::Connection& c) {
        row.sha256 = files_.put(bytes);
        return store::UploadRepository::insert(c, row);
    });
    return {upload_from(row), std::move(imported)};
}

store::UploadRow CvImportService::owned(std::int64_t owner, std::int64_t upload_id) {
    auto row = db_.read(
        [&](store::Connection& c) { return store::UploadRepository::find(c, owner, upload_id); });
    if (!row)
        throw Error(ErrorCode::not_found, "There is no such import.");
    return *row;
}

ImportDraft CvImportService::draft(std::int64_t owner, std::int64_t upload_id) {
    const auto row = owned(owner, upload_id);
    return {upload_from(row), import_document(files_.read(row.sha256), limits_)};
}

Cv CvImportService::save(std::int64_t owner, std::int64_t upload_id, const SaveImport& how) {
    auto d = draft(owner, upload_id);
    if (d.upload.cv_id) {
        try {
            return cvs_.get(owner, *d.upload.cv_id);
        } catch (const Error& e) {
            if (e.code() != ErrorCode::not_found)
                throw;
        }
    }
    NewCv input{.title = how.title.empty() ? default_title(d) : how.title,
                .template_name = how.template_name.empty() ? "classic" : how.template_name};
    input.resume = std::move(d.imported.resume);
    auto cv = cvs_.create(owner, input);
    db_.write([&](store::Connection& c) {
        store::UploadRepository::link_cv(c, owner, upload_id, cv.id);
    });
    return cv;
}

OriginalFile CvImportService::original(std::int64_t owner, std::int64_t cv_id) {
    auto row = db_.read(
        [&](store::Connection& c) { return store::UploadRepository::find_by_cv(c, owner, cv_id); });
    if (!row)
        throw Error(ErrorCode::not_found, "This CV was not imported from a file.");
    const auto kind = kind_from(row->kind);
    const auto stem = stem_of(row->original_name);
    return {files_.read(row->sha256), row->media_type,
            export_file_name(stem.empty() ? "original" : stem, extension_of(kind))};
}

int CvImportService::prune_unsaved() {
    const auto cutoff = clock_() - kUnsavedKeepSeconds;
    return db_.write([&](store::Connection& c) {
        const auto hashes = store::UploadRepository::delete_unsaved_before(c, cutoff);
        for (const auto& sha : hashes) {
            if (!store::UploadRepository::hash_in_use(c, sha))
                files_.remove(sha);
        }
        return static_cast<int>(hashes.size());
    });
}

}  // namespace vitae::cv
