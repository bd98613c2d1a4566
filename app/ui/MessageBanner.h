#pragma once

#include <QFrame>

class QLabel;
class QHBoxLayout;
class QToolButton;

namespace Tidings::App {

// An inline message strip in the style of KDE's KMessageWidget: a tinted, rounded
// box with an icon, wrapped text and optional buttons. The notification center's
// offline banner and the preferences dialog's server errors use it.
class MessageBanner : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { Information, Positive, Warning, Error };
    Q_ENUM(Kind)

    explicit MessageBanner(QWidget *parent = nullptr);

    void setKind(Kind kind);
    [[nodiscard]] Kind kind() const { return m_kind; }
    void setText(const QString &text);
    [[nodiscard]] QString text() const;
    // Adds a button at the end; returns it so the caller can connect it.
    QToolButton *addButton(const QString &text);
    // Shows a close button that hides the banner.
    void setCloseable(bool closeable);

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    [[nodiscard]] QColor color() const;
    void updateIcon();

    Kind m_kind = Kind::Information;
    QLabel *m_icon;
    QLabel *m_text;
    QHBoxLayout *m_buttons;
    QToolButton *m_close;
};

} // namespace Tidings::App
