#pragma once

#include "protocol/Priority.h"

#include <QElapsedTimer>

struct ca_context;

namespace Tidings::App {

// Plays the desktop sound theme's event for a notification's priority through
// libcanberra (the freedesktop sound theme spec, the way Plasma and GNOME play
// theirs), so the user's theme and the system's mute apply.
class SoundPlayer
{
public:
    SoundPlayer();
    ~SoundPlayer();
    SoundPlayer(const SoundPlayer &) = delete;
    SoundPlayer &operator=(const SoundPlayer &) = delete;

    // The sound theme event id for a priority.
    [[nodiscard]] static const char *eventId(Priority priority);
    // A burst plays once: calls within a second of the last sound are ignored.
    void play(Priority priority);

private:
    ca_context *m_context = nullptr;
    QElapsedTimer m_last;
};

} // namespace Tidings::App
