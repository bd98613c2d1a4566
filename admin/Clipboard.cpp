#include "Clipboard.h"

#include <QClipboard>
#include <QGuiApplication>

namespace Tidings::Admin {

Clipboard::Clipboard(QObject *parent)
    : QObject(parent)
{
}

void Clipboard::copy(const QString &text)
{
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(text);
}

QString Clipboard::text() const
{
    const QClipboard *clipboard = QGuiApplication::clipboard();
    return clipboard ? clipboard->text() : QString();
}

} // namespace Tidings::Admin
