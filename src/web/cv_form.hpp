#pragma once
// What the CV editor posts, laid onto the stored JSON Resume document.
//
// The merge rule: the stored document is the starting point, so whatever the form does
// not show survives a save untouched: unknown keys anywhere, sections the form did not
// post (each shown section posts `_sections=<path>`), fields of a type the editor cannot
// edit (a number where text belongs, a list holding non-texts). For every section the
// form posts:
// - basics: each field the editor shows takes the posted value;
// - a list (work, basics.profiles…): the posted entries, in the posted order, become the
//   list. Each entry names the stored entry it was drawn from (`work[1][_from]=3`) and
//   starts from a copy of it, so its unknown keys move with it; an entry without `_from`
//   is new; a stored entry no posted entry names was removed.
// Within a posted entry the form is the whole truth for the fields it shows: a field it
// does not post is empty. An empty field that the stored entry did not have stays absent,
// one it had becomes "" (or [] for a list of texts): clearing never deletes a key.
#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace vitae::web {

using FormFields = std::multimap<std::string, std::string>;

// The stored document with the form's sections laid onto it.
nlohmann::json merge_cv_form(const nlohmann::json& stored, const FormFields& fields);

// Whether the editor can show and edit `object[key]`: absent, or text.
bool editable_text(const nlohmann::json& object, const std::string& key);
// The same for a list of texts: absent, or an array holding only strings.
bool editable_texts(const nlohmann::json& object, const std::string& key);

}  // namespace vitae::web
