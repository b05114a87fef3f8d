#pragma once
// The built-in list of passwords too common to allow, for PasswordPolicy.
#include <span>
#include <string_view>

namespace vitae::auth {

// True when password, compared case-insensitively (ASCII letters), is on the list.
bool is_common_password(std::string_view password);

// The list itself: lowercase, sorted bytewise, no duplicates, every entry at least 10
// code points long.
std::span<const std::string_view> common_passwords();

}  // namespace vitae::auth
