#pragma once

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace Tidings::Admin {

// The system clipboard for QML: the one-time password and token dialogs copy
// their secret with Clipboard.copy(text).
class Clipboard : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    explicit Clipboard(QObject *parent = nullptr);

    Q_INVOKABLE void copy(const QString &text);
    // What the clipboard holds now (for the tests).
    [[nodiscard]] Q_INVOKABLE QString text() const;
};

} // namespace Tidings::Admin
