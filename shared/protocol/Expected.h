#pragma once

#include "protocol/ProtocolError.h"

#include <utility>
#include <variant>

namespace Tidings {

// A value or the ProtocolError that explains why there is none.
template<typename T> class Expected
{
public:
    Expected(T value)
        : m_v(std::move(value))
    {
    }
    Expected(ProtocolError error)
        : m_v(std::move(error))
    {
    }

    [[nodiscard]] bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const T &value() const & { return std::get<0>(m_v); }
    [[nodiscard]] T &value() & { return std::get<0>(m_v); }
    [[nodiscard]] T &&value() && { return std::get<0>(std::move(m_v)); }
    [[nodiscard]] const ProtocolError &error() const { return std::get<1>(m_v); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

private:
    std::variant<T, ProtocolError> m_v;
};

} // namespace Tidings
