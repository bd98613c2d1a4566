#pragma once

#include <QtGlobal>

namespace Tidings::Limits {

inline constexpr int TitleMaxChars = 255;
inline constexpr int MessageMaxChars = 4096;
inline constexpr int DataMaxEncodedBytes = 16 * 1024;
inline constexpr int ActionsMax = 3;
inline constexpr int TopicMaxChars = 64;
inline constexpr int TagsMax = 10;
inline constexpr int TagMaxChars = 64;
inline constexpr int TypeMaxChars = 64;
inline constexpr int UrlMaxChars = 2048;
inline constexpr int RecipientsMax = 10000;
inline constexpr int IdempotencyKeyMaxChars = 255;
inline constexpr int GroupKeyMaxChars = 255;
inline constexpr int ActionLabelMaxChars = 64;
inline constexpr int ActionIdMaxChars = 64;
inline constexpr int IdsPerEventMax = 1000;

} // namespace Tidings::Limits
