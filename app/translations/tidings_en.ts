<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>AutostartEntry</name>
        <message>
            <source>Could not remove %1.</source>
            <translation>Could not remove %1.</translation>
        </message>
        <message>
            <source>Could not create the folder %1.</source>
            <translation>Could not create the folder %1.</translation>
        </message>
        <message>
            <source>Could not write %1: %2</source>
            <translation>Could not write %1: %2</translation>
        </message>
    </context>
    <context>
        <name>RelativeTime</name>
        <message>
            <source>just now</source>
            <translation>just now</translation>
        </message>
        <message numerus="yes">
            <source>%n min ago</source>
            <translation>
                <numerusform>%n min ago</numerusform>
                <numerusform>%n min ago</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n h ago</source>
            <translation>
                <numerusform>%n h ago</numerusform>
                <numerusform>%n h ago</numerusform>
            </translation>
        </message>
        <message>
            <source>yesterday</source>
            <translation>yesterday</translation>
        </message>
        <message>
            <source>d MMM</source>
            <comment>a date in this year</comment>
            <translation>d MMM</translation>
        </message>
    </context>
    <context>
        <name>Tidings::App::AccountPage</name>
        <message>
            <source>Sign Out…</source>
            <translation>Sign Out…</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>Account</translation>
        </message>
        <message>
            <source>The Tidings server this computer receives notifications from.</source>
            <translation>The Tidings server this computer receives notifications from.</translation>
        </message>
        <message>
            <source>Server:</source>
            <translation>Server:</translation>
        </message>
        <message>
            <source>Signed in as:</source>
            <translation>Signed in as:</translation>
        </message>
        <message>
            <source>Connection:</source>
            <translation>Connection:</translation>
        </message>
        <message>
            <source>Signing out removes this computer's sign-in from the server and the keychain. Notifications stay on the server.</source>
            <translation>Signing out removes this computer's sign-in from the server and the keychain. Notifications stay on the server.</translation>
        </message>
        <message>
            <source>Connected</source>
            <translation>Connected</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Connecting…</translation>
        </message>
        <message>
            <source>Offline, reconnecting…</source>
            <translation>Offline, reconnecting…</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>Offline</translation>
        </message>
        <message>
            <source>Signed out</source>
            <translation>Signed out</translation>
        </message>
        <message>
            <source>Signed out: %1</source>
            <translation>Signed out: %1</translation>
        </message>
        <message>
            <source>Not signed in</source>
            <translation>Not signed in</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <comment>display name (username)</comment>
            <translation>%1 (%2)</translation>
        </message>
        <message numerus="yes">
            <source>%n change(s) waiting to be sent</source>
            <translation>
                <numerusform>%n change waiting to be sent</numerusform>
                <numerusform>%n changes waiting to be sent</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Tidings::App::AppController</name>
        <message>
            <source>Tidings on %1</source>
            <translation>Tidings on %1</translation>
        </message>
    </context>
    <context>
        <name>Tidings::App::DigestPage</name>
        <message>
            <source>Send my email notifications as a digest</source>
            <translation>Send my email notifications as a digest</translation>
        </message>
        <message>
            <source>Digest</source>
            <translation>Digest</translation>
        </message>
        <message>
            <source>Instead of one email per notification, get a single summary. Urgent notifications are always sent at once.</source>
            <translation>Instead of one email per notification, get a single summary. Urgent notifications are always sent at once.</translation>
        </message>
        <message>
            <source>Every hour</source>
            <translation>Every hour</translation>
        </message>
        <message>
            <source>Every day</source>
            <translation>Every day</translation>
        </message>
        <message>
            <source>Every week</source>
            <translation>Every week</translation>
        </message>
        <message>
            <source>&amp;How often:</source>
            <translation>&amp;How often:</translation>
        </message>
        <message>
            <source>&amp;At:</source>
            <translation>&amp;At:</translation>
        </message>
        <message>
            <source>Weekly digests are sent on Mondays, in your quiet hours' time zone.</source>
            <translation>Weekly digests are sent on Mondays, in your quiet hours' time zone.</translation>
        </message>
    </context>
    <context>
        <name>Tidings::App::EmptyStateWidget</name>
        <message>
            <source>You're all caught up</source>
            <translation>You're all caught up</translation>
        </message>
        <message>
            <source>New notifications will show up here.</source>
            <translation>New notifications will show up here.</translation>
        </message>
        <message>
            <source>No matching notifications</source>
            <translation>No matching notifications</translation>
        </message>
        <message>
            <source>Try another topic, or clear the search and filters.</source>
            <translation>Try another topic, or clear the search and filters.</translation>
        </message>
        <message>
            <source>Not signed in</source>
            <translation>Not signed in</translation>
        </message>
        <message>
            <source>Sign in from the tray icon to see your notifications.</source>
            <translation>Sign in from the tray icon to see your notifications.</translation>
        </message>
        <message>
            <source>Loading notifications…</source>
            <translation>Loading notifications…</translation>
        </message>
        <message>
            <source>This only takes a moment.</source>
            <translation>This only takes a moment.</translation>
        </message>
        <message>
            <source>Clear Filters</source>
            <translation>Clear Filters</translation>
        </message>
    </context>
    <context>
        <name>Tidings::App::FreedesktopNotifier</name>
        <message>
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message numerus="yes">
            <source>%n arrived while you were away</source>
            <translation>
                <numerusform>%n arrived while you were away</numerusform>
                <numerusform>%n arrived while you were away</numerusform>
            </translation>
        </message>
        <message>
            <source>They are waiting in the notification center.</source>
            <translation>They are waiting in the notification center.</translation>
        </message>
        <message>
            <source>Latest: %1</source>
            <translation>Latest: %1</translation>
        </message>
    </context>
    <context>
        <name>Tidings::App::GeneralPage</name>
        <message>
            <source>Start Tidings when I log in</source>
            <translation>Start Tidings when I log in</translation>
        </message>
        <message>
            <source>The new language is used the next time Tidings starts.</source>
            <translation>The new language is used the next time Tidings starts.</translation>
        </message>
        <message>
            <source>General</source>
            <translation>General</translation>
        </message>
        <message>
            <source>Startup and language.</source>
            <translation>Startup and language.</translation>
        </message>
        <message>
            <source>Startup:</source>
            <translation>Startup:</translation>
        </message>
        <message>
            <source>System default</source>
            <translation>System default</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Language:</translation>
        </message>
    </context>
    <context>
        <name>Tidings::App::MessageBanner</name>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Close message</source>
            <translation>Close message</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
    </context>
    <context>
        <name>Tidings::App::NotificationCenter</name>
        <message>
            <source>Notifications</source>
            <translation>Notifications</translation>
        </message>
        <message>
            <source>Notifications — Tidings</source>
            <translation>Notifications — Tidings</translation>
        </message>
        <message>
            <source>&amp;Open Link</source>
            <translation>&amp;Open Link</translation>
        </message>
        <message>
            <source>Toggle Read</source>
            <translation>Toggle Read</translation>
        </message>
        <message>
            <source>Mark as &amp;Read</source>
            <translation>Mark as &amp;Read</translation>
        </message>
        <message>
            <source>Mark as &amp;Unread</source>
            <translation>Mark as &amp;Unread</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Delete</translation>
        </message>
        <message>
            <source>&amp;Copy Text</source>
            <translation>&amp;Copy Text</translation>
        </message>
        <message>
            <source>Mark &amp;All as Read</source>
            <translation>Mark &amp;All as Read</translation>
        </message>
        <message>
            <source>&amp;Search</source>
            <translation>&amp;Search</translation>
        </message>
        <message>
            <source>Unread only</source>
            <translation>Unread only</translation>
        </message>
        <message>
            <source>Retry Now</source>
            <translation>Retry Now</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>Mark as read (R or Space toggles)</source>
            <translation>Mark as read (R or Space toggles)</translation>
        </message>
        <message>
            <source>Search notifications</source>
            <translation>Search notifications</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>Topic</translation>
        </message>
        <message>
            <source>Show one topic</source>
            <translation>Show one topic</translation>
        </message>
        <message>
            <source>Loading older notifications…</source>
            <translation>Loading older notifications…</translation>
        </message>
        <message>
            <source>Could not load older notifications: %1</source>
            <translation>Could not load older notifications: %1</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <comment>topic name, unread count</comment>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>All topics</source>
            <translation>All topics</translation>
        </message>
        <message>
            <source>You have been signed out.</source>
            <translation>You have been signed out.</translation>
        </message>
        <message>
            <source>You have been signed out: %1</source>
            <translation>You have been signed out: %1</translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;You're offline.&lt;/b&gt; %n change(s) will be sent when the connection is back.</source>
            <translation>
                <numerusform>&lt;b&gt;You're offline.&lt;/b&gt; %n change will be sent when the connection is back.</numerusform>
                <numerusform>&lt;b&gt;You're offline.&lt;/b&gt; %n changes will be sent when the connection is back.</numerusform>
            </translation>
        </message>
        <message>
            <source>&lt;b&gt;You're offline.&lt;/b&gt; New notifications will arrive when the connection is back.</source>
            <translation>&lt;b&gt;You're offline.&lt;/b&gt; New notifications will arrive when the connection is back.</translation>
        </message>
        <message numerus="yes">
            <source>%n notification(s) shown</source>
            <translation>
                <numerusform>%n notification shown</numerusform>
                <numerusform>%n notifications shown</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n unread</source>
            <translation>
                <numerusform>%n unread</numerusform>
                <numerusform>%n unread</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Deleted %n notification(s)</source>
            <translation>
                <numerusform>Deleted %n notification</numerusform>
                <numerusform>Deleted %n notifications</numerusform>
            </translation>
        </message>
        <message>
            <source>Show Only “%1”</source>
            <translation>Show Only “%1”</translation>
        </message>
    </context>
    <context>
        <name>Tidings::App::NotificationDelegate</name>
        <message>
            <source>Unread</source>
            <translation>Unread</translation>
        </message>
        <message>
            <source>Urgent</source>
            <translation>Urgent</translation>
        </message>
        <message>
            <source>High priority</source>
            <translation>High priority</translation>
        </message>
        <message>
            <source>in %1</source>
            <translation>in %1</translation>
        </message>
        <message>
            <source>Direct</source>
            <translation>Direct</translation>
        </message>
        <message>
            <source>High</source>
            <translation>High</translation>
        </message>
        <message>
            <source>Waiting to sync</source>
            <translation>Waiting to sync</translation>
        </message>
        <message>
            <source>From %1</source>
            <translation>From %1</translation>
        </message>
    </context>
    <context>
        <name>Tidings::App::PreferencesDialog</name>
        <message>
            <source>Preferences — Tidings</source>
            <translation>Preferences — Tidings</translation>
        </message>
        <message>
            <source>Preference pages</source>
            <translation>Preference pages</translation>
        </message>
        <message>
            <source>Could not load your server preferences. %1</source>
            <translation>Could not load your server preferences. %1</translation>
        </message>
        <message>
            <source>Server preferences are unavailable while offline.</source>
            <translation>Server preferences are unavailable while offline.</translation>
        </message>
        <message>
            <source>Will be saved when you're back online.</source>
            <translation>Will be saved when you're back online.</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Saving…</translation>
        </message>
        <message>
            <source>All changes saved.</source>
            <translation>All changes saved.</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>Tidings::App::QuietHoursPage</name>
        <message>
            <source>Hold back notifications during quiet hours</source>
            <translation>Hold back notifications during quiet hours</translation>
        </message>
        <message>
            <source>Let urgent notifications through</source>
            <translation>Let urgent notifications through</translation>
        </message>
        <message>
            <source>Quiet Hours</source>
            <translation>Quiet Hours</translation>
        </message>
        <message>
            <source>During quiet hours the server holds back email and push notifications, and this computer shows no pop-ups. Everything still arrives in the notification center.</source>
            <translation>During quiet hours the server holds back email and push notifications, and this computer shows no pop-ups. Everything still arrives in the notification center.</translation>
        </message>
        <message>
            <source>to</source>
            <translation>to</translation>
        </message>
        <message>
            <source>&amp;From:</source>
            <translation>&amp;From:</translation>
        </message>
        <message>
            <source>Quiet hours start</source>
            <translation>Quiet hours start</translation>
        </message>
        <message>
            <source>Quiet hours end</source>
            <translation>Quiet hours end</translation>
        </message>
        <message>
            <source>On:</source>
            <translation>On:</translation>
        </message>
        <message>
            <source>&amp;Time zone:</source>
            <translation>&amp;Time zone:</translation>
        </message>
        <message>
            <source>Use This Computer's</source>
            <translation>Use This Computer's</translation>
        </message>
        <message>
            <source>Use %1</source>
            <translation>Use %1</translation>
        </message>
    </context>
    <context>
        <name>Tidings::App::ServerPreferences</name>
        <message>
            <source>The server could not be reached. %1</source>
            <translation>The server could not be reached. %1</translation>
        </message>
        <message>
            <source>The server did not accept the change: %1</source>
            <translation>The server did not accept the change: %1</translation>
        </message>
        <message>
            <source>The server did not accept %1: %2</source>
            <translation>The server did not accept %1: %2</translation>
        </message>
        <message>
            <source>the start of quiet hours</source>
            <translation>the start of quiet hours</translation>
        </message>
        <message>
            <source>the end of quiet hours</source>
            <translation>the end of quiet hours</translation>
        </message>
        <message>
            <source>the time zone</source>
            <translation>the time zone</translation>
        </message>
        <message>
            <source>the days of quiet hours</source>
            <translation>the days of quiet hours</translation>
        </message>
        <message>
            <source>quiet hours</source>
            <translation>quiet hours</translation>
        </message>
        <message>
            <source>the digest time</source>
            <translation>the digest time</translation>
        </message>
        <message>
            <source>the digest frequency</source>
            <translation>the digest frequency</translation>
        </message>
        <message>
            <source>the digest</source>
            <translation>the digest</translation>
        </message>
        <message>
            <source>the topic settings</source>
            <translation>the topic settings</translation>
        </message>
    </context>
    <context>
        <name>Tidings::App::SignInDialog</name>
        <message>
            <source>Sign in to Tidings</source>
            <translation>Sign in to Tidings</translation>
        </message>
        <message>
            <source>Use the account your team's Tidings server gave you.</source>
            <translation>Use the account your team's Tidings server gave you.</translation>
        </message>
        <message>
            <source>Server address</source>
            <translation>Server address</translation>
        </message>
        <message>
            <source>&amp;Server:</source>
            <translation>&amp;Server:</translation>
        </message>
        <message>
            <source>Username</source>
            <translation>Username</translation>
        </message>
        <message>
            <source>&amp;Username:</source>
            <translation>&amp;Username:</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Password:</translation>
        </message>
        <message>
            <source>Sign-in error</source>
            <translation>Sign-in error</translation>
        </message>
        <message>
            <source>Signing in</source>
            <translation>Signing in</translation>
        </message>
        <message>
            <source>&amp;Sign In</source>
            <translation>&amp;Sign In</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>Signing in…</source>
            <translation>Signing in…</translation>
        </message>
        <message>
            <source>The username or password is not right.</source>
            <translation>The username or password is not right.</translation>
        </message>
        <message>
            <source>This account may not sign in: %1</source>
            <translation>This account may not sign in: %1</translation>
        </message>
        <message>
            <source>Too many attempts. Wait a minute, then try again.</source>
            <translation>Too many attempts. Wait a minute, then try again.</translation>
        </message>
        <message>
            <source>Could not reach %1. Check the address and your connection.
(%2)</source>
            <translation>Could not reach %1. Check the address and your connection.
(%2)</translation>
        </message>
        <message>
            <source>the server</source>
            <translation>the server</translation>
        </message>
        <message>
            <source>%1 did not answer like a Tidings server. Check the address.</source>
            <translation>%1 did not answer like a Tidings server. Check the address.</translation>
        </message>
        <message>
            <source>The server</source>
            <translation>The server</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>Signing in failed (%1).</source>
            <translation>Signing in failed (%1).</translation>
        </message>
        <message>
            <source>Enter the server's address, like https://tidings.example.com.</source>
            <translation>Enter the server's address, like https://tidings.example.com.</translation>
        </message>
    </context>
    <context>
        <name>Tidings::App::ToastWindow</name>
        <message numerus="yes">
            <source>%n new notifications</source>
            <translation>
                <numerusform>%n new notifications</numerusform>
                <numerusform>%n new notifications</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n new in %1</source>
            <translation>
                <numerusform>%n new in %1</numerusform>
                <numerusform>%n new in %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n arrived while you were away</source>
            <translation>
                <numerusform>%n arrived while you were away</numerusform>
                <numerusform>%n arrived while you were away</numerusform>
            </translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Dismiss</translation>
        </message>
        <message>
            <source>Latest: %1</source>
            <translation>Latest: %1</translation>
        </message>
        <message>
            <source>They are waiting in the notification center.</source>
            <translation>They are waiting in the notification center.</translation>
        </message>
        <message>
            <source>Urgent</source>
            <translation>Urgent</translation>
        </message>
        <message>
            <source>High priority</source>
            <translation>High priority</translation>
        </message>
    </context>
    <context>
        <name>Tidings::App::ToastsPage</name>
        <message>
            <source>Tidings pop-ups</source>
            <translation>Tidings pop-ups</translation>
        </message>
        <message>
            <source>The desktop's notifications</source>
            <translation>The desktop's notifications</translation>
        </message>
        <message>
            <source>Play a sound</source>
            <translation>Play a sound</translation>
        </message>
        <message>
            <source>Reduce motion (no sliding or fading)</source>
            <translation>Reduce motion (no sliding or fading)</translation>
        </message>
        <message>
            <source>Pop-ups</source>
            <translation>Pop-ups</translation>
        </message>
        <message>
            <source>How new notifications appear on this computer.</source>
            <translation>How new notifications appear on this computer.</translation>
        </message>
        <message>
            <source>Stacked in a corner, with actions and a summary for bursts.</source>
            <translation>Stacked in a corner, with actions and a summary for bursts.</translation>
        </message>
        <message>
            <source>Shown by Plasma, GNOME Shell or your notification daemon.</source>
            <translation>Shown by Plasma, GNOME Shell or your notification daemon.</translation>
        </message>
        <message>
            <source>Show with:</source>
            <translation>Show with:</translation>
        </message>
        <message>
            <source>Top left</source>
            <translation>Top left</translation>
        </message>
        <message>
            <source>Top right</source>
            <translation>Top right</translation>
        </message>
        <message>
            <source>Bottom left</source>
            <translation>Bottom left</translation>
        </message>
        <message>
            <source>Bottom right</source>
            <translation>Bottom right</translation>
        </message>
        <message>
            <source>&amp;Position:</source>
            <translation>&amp;Position:</translation>
        </message>
        <message>
            <source>Low</source>
            <translation>Low</translation>
        </message>
        <message>
            <source>Normal</source>
            <translation>Normal</translation>
        </message>
        <message>
            <source>High</source>
            <translation>High</translation>
        </message>
        <message>
            <source>Urgent</source>
            <translation>Urgent</translation>
        </message>
        <message>
            <source> s</source>
            <comment>seconds</comment>
            <translation> s</translation>
        </message>
        <message>
            <source>Until dismissed</source>
            <translation>Until dismissed</translation>
        </message>
        <message>
            <source>How long %1 priority pop-ups stay</source>
            <translation>How long %1 priority pop-ups stay</translation>
        </message>
        <message>
            <source>Stay on screen:</source>
            <translation>Stay on screen:</translation>
        </message>
    </context>
    <context>
        <name>Tidings::App::TopicsPage</name>
        <message>
            <source>Topics</source>
            <translation>Topics</translation>
        </message>
        <message>
            <source>Subscribe to the topics you want to hear about, and choose how each one reaches you. Topics without their own choice follow the defaults.</source>
            <translation>Subscribe to the topics you want to hear about, and choose how each one reaches you. Topics without their own choice follow the defaults.</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>Topic</translation>
        </message>
        <message>
            <source>Subscribed</source>
            <translation>Subscribed</translation>
        </message>
        <message>
            <source>In app</source>
            <translation>In app</translation>
        </message>
        <message>
            <source>Desktop</source>
            <translation>Desktop</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>Email</translation>
        </message>
        <message>
            <source>Push</source>
            <translation>Push</translation>
        </message>
        <message>
            <source>Topics and channels</source>
            <translation>Topics and channels</translation>
        </message>
        <message>
            <source>Shown in this app's notification center</source>
            <translation>Shown in this app's notification center</translation>
        </message>
        <message>
            <source>Shown as a pop-up on your desktop</source>
            <translation>Shown as a pop-up on your desktop</translation>
        </message>
        <message>
            <source>Sent to your email address</source>
            <translation>Sent to your email address</translation>
        </message>
        <message>
            <source>Sent to your phone or browser</source>
            <translation>Sent to your phone or browser</translation>
        </message>
        <message>
            <source>Press Space to switch the focused cell; use the arrow keys to move.</source>
            <translation>Press Space to switch the focused cell; use the arrow keys to move.</translation>
        </message>
        <message>
            <source>Subscribed to %1</source>
            <translation>Subscribed to %1</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Defaults for all topics</source>
            <translation>Defaults for all topics</translation>
        </message>
        <message>
            <source>Used by every topic that has no choice of its own</source>
            <translation>Used by every topic that has no choice of its own</translation>
        </message>
    </context>
    <context>
        <name>Tidings::App::TrayIcon</name>
        <message>
            <source>&amp;Open notification center</source>
            <translation>&amp;Open notification center</translation>
        </message>
        <message>
            <source>&amp;Do not disturb</source>
            <translation>&amp;Do not disturb</translation>
        </message>
        <message>
            <source>O&amp;ff</source>
            <translation>O&amp;ff</translation>
        </message>
        <message>
            <source>For &amp;1 hour</source>
            <translation>For &amp;1 hour</translation>
        </message>
        <message>
            <source>Until &amp;tomorrow morning</source>
            <translation>Until &amp;tomorrow morning</translation>
        </message>
        <message>
            <source>Until turned &amp;off</source>
            <translation>Until turned &amp;off</translation>
        </message>
        <message>
            <source>&amp;Mark all as read</source>
            <translation>&amp;Mark all as read</translation>
        </message>
        <message>
            <source>&amp;Preferences…</source>
            <translation>&amp;Preferences…</translation>
        </message>
        <message>
            <source>&amp;Sign out</source>
            <translation>&amp;Sign out</translation>
        </message>
        <message>
            <source>&amp;Sign in…</source>
            <translation>&amp;Sign in…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>Offline, reconnecting</source>
            <translation>Offline, reconnecting</translation>
        </message>
        <message>
            <source>Signed out</source>
            <translation>Signed out</translation>
        </message>
        <message>
            <source>Tidings: no unread notifications</source>
            <translation>Tidings: no unread notifications</translation>
        </message>
        <message numerus="yes">
            <source>Tidings: %n unread</source>
            <translation>
                <numerusform>Tidings: %n unread</numerusform>
                <numerusform>Tidings: %n unread</numerusform>
            </translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Direct</source>
            <translation>Direct</translation>
        </message>
        <message>
            <source>Do not disturb is on</source>
            <translation>Do not disturb is on</translation>
        </message>
        <message>
            <source>Do not disturb until %1</source>
            <translation>Do not disturb until %1</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>Tidings: notifications for your team, in the tray.</source>
            <translation>Tidings: notifications for your team, in the tray.</translation>
        </message>
        <message>
            <source>Sign in to the server at &lt;url&gt; (with --username and --password-file).</source>
            <translation>Sign in to the server at &lt;url&gt; (with --username and --password-file).</translation>
        </message>
        <message>
            <source>Sign in as &lt;name&gt;.</source>
            <translation>Sign in as &lt;name&gt;.</translation>
        </message>
        <message>
            <source>Read the password from the first line of &lt;file&gt;.</source>
            <translation>Read the password from the first line of &lt;file&gt;.</translation>
        </message>
        <message>
            <source>Start in the tray without opening a window.</source>
            <translation>Start in the tray without opening a window.</translation>
        </message>
        <message>
            <source>Forget the notifications kept on this computer before starting.</source>
            <translation>Forget the notifications kept on this computer before starting.</translation>
        </message>
    </context>
</TS>
