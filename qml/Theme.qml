pragma Singleton
import QtQuick

// The console's colours, sizes and type scale, for the light and the dark theme.
// Main.qml binds `dark` to the user's setting; everything else binds to Theme.
QtObject {
    property bool dark: false

    readonly property color window: dark ? "#121418" : "#f4f5f7"
    readonly property color surface: dark ? "#1c1f25" : "#ffffff"
    readonly property color surfaceRaised: dark ? "#242830" : "#f9fafb"
    readonly property color sidebar: dark ? "#181a1f" : "#ffffff"
    readonly property color border: dark ? "#2e333c" : "#e2e5e9"
    readonly property color text: dark ? "#e6e8eb" : "#1d2126"
    readonly property color textMuted: dark ? "#9aa1ab" : "#5d6570"
    readonly property color accent: dark ? "#7aa5ff" : "#2f62d6"
    readonly property color accentSoft: dark ? "#23304a" : "#e8effc"
    readonly property color success: dark ? "#5fcf8a" : "#1e8a4c"
    readonly property color warning: dark ? "#e8b45a" : "#a86400"
    readonly property color danger: dark ? "#ff7b72" : "#c62f2f"
    readonly property color dangerSoft: dark ? "#3a2224" : "#fdecea"

    // One colour per delivery channel, used by charts and chips alike.
    readonly property var channelColors: ({
        "inApp": dark ? "#7aa5ff" : "#2f62d6",
        "email": dark ? "#5fcf8a" : "#1e8a4c",
        "push": dark ? "#e8b45a" : "#c47a00",
        "webhook": dark ? "#c79bff" : "#7a3fd1"
    })

    readonly property int radius: 8
    readonly property int spacing: 12
    readonly property int pagePadding: 24
    readonly property int sidebarWidth: 236

    readonly property int fontSmall: 12
    readonly property int fontBody: 14
    readonly property int fontTitle: 20
    readonly property int fontHeadline: 26

    // A status word of the server (job, broadcast) -> its colour.
    function statusColor(status) {
        switch (status) {
        case "sent":
        case "ready":
        case "active":
            return success;
        case "failed":
        case "cancelled":
        case "disabled":
            return danger;
        case "pending":
        case "scheduled":
        case "sending":
        case "deferred":
            return warning;
        default:
            return textMuted;
        }
    }

    function channelColor(channel) {
        return channelColors[channel] !== undefined ? channelColors[channel] : textMuted;
    }
}
