#include "ui/SoundPlayer.h"

#include <QLoggingCategory>

#include <canberra.h>

Q_LOGGING_CATEGORY(lcSound, "tidings.app.sound")

namespace Tidings::App {

SoundPlayer::SoundPlayer()
{
    if (const int rc = ca_context_create(&m_context); rc != CA_SUCCESS) {
        qCInfo(lcSound) << "no sound:" << ca_strerror(rc);
        m_context = nullptr;
        return;
    }
    ca_context_change_props(m_context, CA_PROP_APPLICATION_NAME, "Tidings", CA_PROP_APPLICATION_ID,
        "org.tidings.Tidings", CA_PROP_APPLICATION_ICON_NAME, "tidings", nullptr);
}

SoundPlayer::~SoundPlayer()
{
    if (m_context)
        ca_context_destroy(m_context);
}

const char *SoundPlayer::eventId(Priority priority)
{
    switch (priority) {
    case Priority::Low:
        return "message";
    case Priority::Normal:
        return "message-new-instant";
    case Priority::High:
        return "dialog-information";
    case Priority::Urgent:
        return "dialog-warning";
    }
    return "message";
}

void SoundPlayer::play(Priority priority)
{
    if (!m_context)
        return;
    if (m_last.isValid() && m_last.elapsed() < 1000)
        return;
    m_last.start();
    const int rc = ca_context_play(m_context, 0, CA_PROP_EVENT_ID, eventId(priority), CA_PROP_EVENT_DESCRIPTION,
        "New notification", CA_PROP_CANBERRA_CACHE_CONTROL, "permanent", nullptr);
    if (rc != CA_SUCCESS)
        qCDebug(lcSound) << "could not play" << eventId(priority) << ca_strerror(rc);
}

} // namespace Tidings::App
