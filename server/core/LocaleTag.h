#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace Tidings::Server {

// The locale tags users and template contents carry: BCP 47-ish language tags such as
// "de", "pt-BR" or "zh-Hant-TW"; "" is the server's default locale.
namespace LocaleTag {

// The tag in its canonical spelling (language lower case, script title case, region
// upper case, "_" written as "-"), "" for "", nullopt when it is not a language tag:
// a 2-3 letter language followed by up to five subtags of 2-8 letters or digits.
[[nodiscard]] std::optional<QString> canonical(const QString &tag);

// The tags to look for, most specific first, as RFC 4647 lookup does:
// "zh-Hant-TW" -> ["zh-Hant-TW", "zh-Hant", "zh"]. Never includes "".
[[nodiscard]] QStringList lookupChain(const QString &canonicalTag);

} // namespace LocaleTag
} // namespace Tidings::Server
