#pragma once

#include <QWidget>

class QFormLayout;
class QLabel;
class QVBoxLayout;

namespace Tidings::App {

// One page of the preferences dialog: a heading, a line that says what the page
// is for, then the page's controls. Pages share the look and the spacing.
class PreferencesPage : public QWidget
{
    Q_OBJECT

public:
    explicit PreferencesPage(QWidget *parent = nullptr);

    void setHeading(const QString &title, const QString &description);
    [[nodiscard]] QString title() const;

protected:
    [[nodiscard]] QVBoxLayout *body() const { return m_body; }
    // A form with right-aligned labels, as KDE and GNOME settings pages lay out.
    [[nodiscard]] QFormLayout *addForm();
    // A small, muted note under a control.
    [[nodiscard]] static QLabel *note(const QString &text, QWidget *parent);

private:
    QLabel *m_title;
    QLabel *m_description;
    QVBoxLayout *m_body;
};

} // namespace Tidings::App
