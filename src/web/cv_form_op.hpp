#pragma once
// The editor's buttons without JavaScript: each is a submit button named "op" whose value
// says what to do to which list, e.g. "add:work", "move_up:work:2",
// "remove:work.2.highlights:1", "add:basics.profiles". The server saves the posted form,
// applies the operation to the merged document and sends the browser back to the editor
// with focus on the control that continues the task.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vitae::web {

struct CvFormOp {
    enum class Kind { add, remove, move_up, move_down };
    Kind kind = Kind::add;
    std::vector<std::string> list;  // {"work"} or {"work", "2", "highlights"}
    std::size_t index = 0;          // the entry or item (not used by add)

    // Throws vitae::Error(bad_request) for anything but a list the editor shows: a
    // section's entries or a list of texts inside one of them.
    static CvFormOp parse(std::string_view text);

    // Applies the operation to `doc`. Returns the id of the element to focus afterwards
    // (the new entry's first field, the moved entry's button, the list's add button).
    // An index out of range changes nothing. Throws Error(bad_request) when the list is
    // there but is not a list the editor can change (a string where a list belongs).
    std::string apply(nlohmann::json& doc) const;
};

}  // namespace vitae::web
