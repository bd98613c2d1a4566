#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace Tidings::App {

// What the notification center shows instead of an empty list: a large soft
// icon, a headline and a hint, and optionally one button ("Clear filters").
class EmptyStateWidget : public QWidget
{
    Q_OBJECT

public:
    enum class Kind { AllCaughtUp, NoMatches, SignedOut, Loading };
    Q_ENUM(Kind)

    explicit EmptyStateWidget(QWidget *parent = nullptr);

    void setKind(Kind kind);
    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] QString headline() const;
    [[nodiscard]] QPushButton *button() const { return m_button; }

Q_SIGNALS:
    void clearFiltersRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateIcon();

    Kind m_kind = Kind::AllCaughtUp;
    QLabel *m_icon;
    QLabel *m_headline;
    QLabel *m_hint;
    QPushButton *m_button;
};

} // namespace Tidings::App
