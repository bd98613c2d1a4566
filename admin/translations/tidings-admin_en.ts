<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BroadcastComposerPanel</name>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Free text</source>
        <translation>Free text</translation>
    </message>
    <message>
        <source>From a template</source>
        <translation>From a template</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>What is it about?</source>
        <translation>What is it about?</translation>
    </message>
    <message>
        <source>The text users read (optional)</source>
        <translation>The text users read (optional)</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>https://… opened when the notification is clicked (optional)</source>
        <translation>https://… opened when the notification is clicked (optional)</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Choose a template</source>
        <translation>Choose a template</translation>
    </message>
    <message>
        <source>There are no templates yet: create one on the Templates page.</source>
        <translation>There are no templates yet: create one on the Templates page.</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Values</translation>
    </message>
    <message>
        <source>This template has no variables.</source>
        <translation>This template has no variables.</translation>
    </message>
    <message>
        <source>%1, required</source>
        <translation>%1, required</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>Default: %1</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Value of %1</source>
        <translation>Value of %1</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Name in the list</source>
        <translation>Name in the list</translation>
    </message>
    <message>
        <source>Default: the template&apos;s name</source>
        <translation>Default: the template&apos;s name</translation>
    </message>
    <message>
        <source>Default: the title</source>
        <translation>Default: the title</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Audience</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Topic subscribers</source>
        <translation>Topic subscribers</translation>
    </message>
    <message>
        <source>Chosen users</source>
        <translation>Chosen users</translation>
    </message>
    <message>
        <source>Search users to send to</source>
        <translation>Search users to send to</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>File under topic (optional)</source>
        <translation>File under topic (optional)</translation>
    </message>
    <message>
        <source>Its subscribers get the broadcast, e.g. deploys</source>
        <translation>Its subscribers get the broadcast, e.g. deploys</translation>
    </message>
    <message>
        <source>Labels the notification, e.g. maintenance</source>
        <translation>Labels the notification, e.g. maintenance</translation>
    </message>
    <message>
        <source>Leave out</source>
        <translation>Leave out</translation>
    </message>
    <message>
        <source>Search users who should not get it</source>
        <translation>Search users who should not get it</translation>
    </message>
    <message>
        <source>Counting recipients…</source>
        <translation>Counting recipients…</translation>
    </message>
    <message>
        <source>Complete the audience to see how many users it reaches.</source>
        <translation>Complete the audience to see how many users it reaches.</translation>
    </message>
    <message numerus="yes">
        <source>Reaches %n user(s) right now</source>
        <translation>
            <numerusform>Reaches %n user right now</numerusform>
            <numerusform>Reaches %n users right now</numerusform>
        </translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>Each user&apos;s preferred channels</source>
        <translation>Each user&apos;s preferred channels</translation>
    </message>
    <message>
        <source>Only these channels:</source>
        <translation>Only these channels:</translation>
    </message>
    <message>
        <source>%1 (always)</source>
        <translation>%1 (always)</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
</context>
<context>
    <name>BroadcastTimingEditor</name>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>At a date and time</source>
        <translation>At a date and time</translation>
    </message>
    <message>
        <source>Recurring</source>
        <translation>Recurring</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>Schedule (cron)</source>
        <translation>Schedule (cron)</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <source>YYYY-MM-DD HH:MM</source>
        <translation>YYYY-MM-DD HH:MM</translation>
    </message>
    <message>
        <source>minute hour day month weekday</source>
        <translation>minute hour day month weekday</translation>
    </message>
    <message>
        <source>Date and time, as YYYY-MM-DD HH:MM</source>
        <translation>Date and time, as YYYY-MM-DD HH:MM</translation>
    </message>
    <message>
        <source>Cron expression</source>
        <translation>Cron expression</translation>
    </message>
    <message>
        <source>Sends on %1</source>
        <translation>Sends on %1</translation>
    </message>
    <message>
        <source>Five fields: minute hour day-of-month month day-of-week, such as 0 9 * * MON-FRI or */30 * * * *; @daily and @weekly work too.</source>
        <translation>Five fields: minute hour day-of-month month day-of-week, such as 0 9 * * MON-FRI or */30 * * * *; @daily and @weekly work too.</translation>
    </message>
    <message>
        <source>Stop after</source>
        <translation>Stop after</translation>
    </message>
    <message>
        <source>Number of runs</source>
        <translation>Number of runs</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>runs</translation>
    </message>
    <message>
        <source>Runs %1 (%2)</source>
        <translation>Runs %1 (%2)</translation>
    </message>
    <message>
        <source>Next runs:</source>
        <translation>Next runs:</translation>
    </message>
</context>
<context>
    <name>BroadcastUserPicker</name>
    <message>
        <source>Search users by name or email</source>
        <translation>Search users by name or email</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Remove %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>disabled</translation>
    </message>
    <message>
        <source>No user matches “%1”</source>
        <translation>No user matches “%1”</translation>
    </message>
</context>
<context>
    <name>BroadcastsPage</name>
    <message>
        <source>Check the highlighted fields.</source>
        <translation>Check the highlighted fields.</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Broadcasts</source>
        <translation>Broadcasts</translation>
    </message>
    <message>
        <source>Send to many users at once, now, later or on a schedule · updating live</source>
        <translation>Send to many users at once, now, later or on a schedule · updating live</translation>
    </message>
    <message>
        <source>Send to many users at once, now, later or on a schedule</source>
        <translation>Send to many users at once, now, later or on a schedule</translation>
    </message>
    <message>
        <source>Show broadcasts</source>
        <translation>Show broadcasts</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>New broadcast</source>
        <translation>New broadcast</translation>
    </message>
    <message>
        <source>New broadcast (Ctrl+N)</source>
        <translation>New broadcast (Ctrl+N)</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>Broadcast</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>%1, %2, %3 recipients, %4 read</source>
        <translation>%1, %2, %3 recipients, %4 read</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Cancel %1</source>
        <translation>Cancel %1</translation>
    </message>
    <message>
        <source>Cancel: no further runs</source>
        <translation>Cancel: no further runs</translation>
    </message>
    <message>
        <source>Cancel before it is sent</source>
        <translation>Cancel before it is sent</translation>
    </message>
    <message>
        <source>No broadcasts in this state</source>
        <translation>No broadcasts in this state</translation>
    </message>
    <message>
        <source>No broadcasts yet</source>
        <translation>No broadcasts yet</translation>
    </message>
    <message>
        <source>Choose “All broadcasts” to see the others.</source>
        <translation>Choose “All broadcasts” to see the others.</translation>
    </message>
    <message>
        <source>Send a message to everyone, some roles, a topic&apos;s subscribers or chosen users — now, later or on a schedule.</source>
        <translation>Send a message to everyone, some roles, a topic&apos;s subscribers or chosen users — now, later or on a schedule.</translation>
    </message>
    <message>
        <source>Nothing is sent until you confirm.</source>
        <translation>Nothing is sent until you confirm.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Close (Esc); the draft is kept</source>
        <translation>Close (Esc); the draft is kept</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Start over with an empty draft</source>
        <translation>Start over with an empty draft</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Review and send…</source>
        <translation>Review and send…</translation>
    </message>
    <message>
        <source>Send this broadcast?</source>
        <translation>Send this broadcast?</translation>
    </message>
    <message>
        <source>Schedule this broadcast?</source>
        <translation>Schedule this broadcast?</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Send now</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>Cancel “%1”?</source>
        <translation>Cancel “%1”?</translation>
    </message>
    <message>
        <source>It will not run again. Messages already sent stay in the inboxes; deliveries still waiting are cancelled.</source>
        <translation>It will not run again. Messages already sent stay in the inboxes; deliveries still waiting are cancelled.</translation>
    </message>
    <message>
        <source>It will not be sent, and nobody will see it.</source>
        <translation>It will not be sent, and nobody will see it.</translation>
    </message>
    <message>
        <source>Cancel broadcast</source>
        <translation>Cancel broadcast</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ConsoleView</name>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Templates</translation>
    </message>
    <message>
        <source>Broadcasts</source>
        <translation>Broadcasts</translation>
    </message>
    <message>
        <source>Users and tokens</source>
        <translation>Users and tokens</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>Delivery log</source>
        <translation>Delivery log</translation>
    </message>
    <message>
        <source>Admin console</source>
        <translation>Admin console</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>Server %1, %2</source>
        <translation>Server %1, %2</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>tidingsd %1</source>
        <translation>tidingsd %1</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Use the light theme</source>
        <translation>Use the light theme</translation>
    </message>
    <message>
        <source>Use the dark theme</source>
        <translation>Use the dark theme</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Sign out?</source>
        <translation>Sign out?</translation>
    </message>
    <message>
        <source>You will need your password to sign in to %1 again.</source>
        <translation>You will need your password to sign in to %1 again.</translation>
    </message>
</context>
<context>
    <name>DashboardLatency</name>
    <message>
        <source>Latency</source>
        <translation>Latency</translation>
    </message>
    <message>
        <source>From publishing to the provider&apos;s acceptance, or to the first acknowledgement in-app</source>
        <translation>From publishing to the provider&apos;s acceptance, or to the first acknowledgement in-app</translation>
    </message>
    <message>
        <source>Median (p50)</source>
        <translation>Median (p50)</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message numerus="yes">
        <source>%n delivery(s) measured</source>
        <translation>
            <numerusform>%n delivery measured</numerusform>
            <numerusform>%n deliveries measured</numerusform>
        </translation>
    </message>
    <message>
        <source>No delivery was measured in this period</source>
        <translation>No delivery was measured in this period</translation>
    </message>
</context>
<context>
    <name>DashboardLive</name>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>every %1 s</source>
        <translation>every %1 s</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connections</translation>
    </message>
    <message>
        <source>Users online</source>
        <translation>Users online</translation>
    </message>
    <message>
        <source>Queue depth</source>
        <translation>Queue depth</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Uptime</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>24 hours</source>
        <translation>24 hours</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Last 24 hours</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 days</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 days</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>%1 · updated %2</source>
        <translation>%1 · updated %2</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <source>Could not refresh: %1</source>
        <translation>Could not refresh: %1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>all channels</source>
        <translation>all channels</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>acknowledged in-app</source>
        <translation>acknowledged in-app</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>%1 dismissed</source>
        <translation>%1 dismissed</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>dead letters</source>
        <translation>dead letters</translation>
    </message>
    <message>
        <source>Delivery rate</source>
        <translation>Delivery rate</translation>
    </message>
    <message>
        <source>delivered of sent in-app</source>
        <translation>delivered of sent in-app</translation>
    </message>
    <message>
        <source>Read rate</source>
        <translation>Read rate</translation>
    </message>
    <message>
        <source>read of delivered</source>
        <translation>read of delivered</translation>
    </message>
    <message>
        <source>Click rate</source>
        <translation>Click rate</translation>
    </message>
    <message>
        <source>email and push links</source>
        <translation>email and push links</translation>
    </message>
    <message>
        <source>Clicked</source>
        <translation>Clicked</translation>
    </message>
    <message>
        <source>people who opened a link</source>
        <translation>people who opened a link</translation>
    </message>
</context>
<context>
    <name>DashboardPeriodSelector</name>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
</context>
<context>
    <name>DashboardTimeline</name>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Clicked</source>
        <translation>Clicked</translation>
    </message>
    <message>
        <source>In-app</source>
        <translation>In-app</translation>
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
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Timeline by channel</source>
        <translation>Timeline by channel</translation>
    </message>
    <message>
        <source>Per hour</source>
        <translation>Per hour</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>Per day</translation>
    </message>
    <message>
        <source>Figure shown</source>
        <translation>Figure shown</translation>
    </message>
    <message>
        <source>%1 per channel over the period</source>
        <translation>%1 per channel over the period</translation>
    </message>
    <message>
        <source>Nothing to show for this period yet</source>
        <translation>Nothing to show for this period yet</translation>
    </message>
</context>
<context>
    <name>DashboardTopTopics</name>
    <message>
        <source>Top topics</source>
        <translation>Top topics</translation>
    </message>
    <message>
        <source>Most sent first, with how many were read</source>
        <translation>Most sent first, with how many were read</translation>
    </message>
    <message>
        <source>No topic had any activity in this period.</source>
        <translation>No topic had any activity in this period.</translation>
    </message>
    <message>
        <source>%1: %2 sent, %3 read</source>
        <translation>%1: %2 sent, %3 read</translation>
    </message>
    <message>
        <source>%1 sent</source>
        <translation>%1 sent</translation>
    </message>
    <message>
        <source>%1 read</source>
        <translation>%1 read</translation>
    </message>
</context>
<context>
    <name>DeliveryDetailsPanel</name>
    <message>
        <source>Delivery details</source>
        <translation>Delivery details</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Loading</translation>
    </message>
    <message>
        <source>Reload the delivery</source>
        <translation>Reload the delivery</translation>
    </message>
    <message>
        <source>Close the details</source>
        <translation>Close the details</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>priority %1</source>
        <translation>priority %1</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Notification</source>
        <translation>Notification</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Next attempt</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Provider code</source>
        <translation>Provider code</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
    <message>
        <source>Retry delivery</source>
        <translation>Retry delivery</translation>
    </message>
    <message>
        <source>Not attempted yet.</source>
        <translation>Not attempted yet.</translation>
    </message>
    <message>
        <source>attempt %1</source>
        <translation>attempt %1</translation>
    </message>
    <message>
        <source>after %1</source>
        <translation>after %1</translation>
    </message>
    <message>
        <source>Provider: %1 %2</source>
        <translation>Provider: %1 %2</translation>
    </message>
</context>
<context>
    <name>DeliveryFilterBar</name>
    <message>
        <source>Any status</source>
        <translation>Any status</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sending</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Any channel</source>
        <translation>Any channel</translation>
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
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Any time</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Last hour</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Last 24 hours</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Custom range</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>User name or id</source>
        <translation>User name or id</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Clear the filters</source>
        <translation>Clear the filters</translation>
    </message>
    <message>
        <source>Created from</source>
        <translation>Created from</translation>
    </message>
    <message>
        <source>2026-03-02 09:00</source>
        <translation>2026-03-02 09:00</translation>
    </message>
    <message>
        <source>Created from (local time)</source>
        <translation>Created from (local time)</translation>
    </message>
    <message>
        <source>until</source>
        <translation>until</translation>
    </message>
    <message>
        <source>now</source>
        <translation>now</translation>
    </message>
    <message>
        <source>Created until (local time)</source>
        <translation>Created until (local time)</translation>
    </message>
    <message>
        <source>local time, yyyy-mm-dd hh:mm</source>
        <translation>local time, yyyy-mm-dd hh:mm</translation>
    </message>
</context>
<context>
    <name>DeliveryLogPage</name>
    <message>
        <source>Send the %1 to %2 again now, with a fresh retry schedule?</source>
        <translation>Send the %1 to %2 again now, with a fresh retry schedule?</translation>
    </message>
    <message>
        <source>Delivery log</source>
        <translation>Delivery log</translation>
    </message>
    <message numerus="yes">
        <source>%n delivery job(s)</source>
        <translation>
            <numerusform>%n delivery job</numerusform>
            <numerusform>%n delivery jobs</numerusform>
        </translation>
    </message>
    <message>
        <source>Every delivery job, its attempts and errors</source>
        <translation>Every delivery job, its attempts and errors</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>Deliveries</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>Load more</translation>
    </message>
    <message>
        <source>No deliveries match these filters</source>
        <translation>No deliveries match these filters</translation>
    </message>
    <message>
        <source>No deliveries yet</source>
        <translation>No deliveries yet</translation>
    </message>
    <message>
        <source>Deliveries by email, push and webhook appear here as notifications go out.</source>
        <translation>Deliveries by email, push and webhook appear here as notifications go out.</translation>
    </message>
    <message>
        <source>Clear the filters</source>
        <translation>Clear the filters</translation>
    </message>
    <message>
        <source>Retry this delivery?</source>
        <translation>Retry this delivery?</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
</context>
<context>
    <name>DeliveryRow</name>
    <message>
        <source>%1 %2 to %3, %4</source>
        <translation>%1 %2 to %3, %4</translation>
    </message>
    <message>
        <source>Retry this delivery</source>
        <translation>Retry this delivery</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Tidings Admin — %1</source>
        <translation>Tidings Admin — %1</translation>
    </message>
    <message>
        <source>Tidings Admin</source>
        <translation>Tidings Admin</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Tidings Admin</source>
        <translation>Tidings Admin</translation>
    </message>
    <message>
        <source>Sign in with an administrator account</source>
        <translation>Sign in with an administrator account</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>tidingsd %1 · %2</source>
        <translation>tidingsd %1 · %2</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Signing in with the saved session…</source>
        <translation>Signing in with the saved session…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Your session is kept in the system keychain.</source>
        <translation>Your session is kept in the system keychain.</translation>
    </message>
</context>
<context>
    <name>StateView</name>
    <message>
        <source>Nothing here yet</source>
        <translation>Nothing here yet</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Loading</translation>
    </message>
    <message>
        <source>Could not load this page</source>
        <translation>Could not load this page</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
</context>
<context>
    <name>TemplateContentForm</name>
    <message>
        <source>%1 (has an error)</source>
        <translation>%1 (has an error)</translation>
    </message>
    <message>
        <source>Add channel or language</source>
        <translation>Add channel or language</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>de, pt-BR… (empty: every language)</source>
        <translation>de, pt-BR… (empty: every language)</translation>
    </message>
    <message>
        <source>Language tag</source>
        <translation>Language tag</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>The default text: used for every channel and language that has none of its own.</source>
        <translation>The default text: used for every channel and language that has none of its own.</translation>
    </message>
    <message>
        <source>Used when the user&apos;s language is %1, for the channels without a text of their own.</source>
        <translation>Used when the user&apos;s language is %1, for the channels without a text of their own.</translation>
    </message>
    <message>
        <source>Used for %1 when the user&apos;s language is %2.</source>
        <translation>Used for %1 when the user&apos;s language is %2.</translation>
    </message>
    <message>
        <source>Used for %1 in every language without a text of its own.</source>
        <translation>Used for %1 in every language without a text of its own.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Remove the %1 text</source>
        <translation>Remove the %1 text</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Order {{orderId}} shipped</source>
        <translation>Order {{orderId}} shipped</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>The message as plain text: inbox, push and the text part of mail</source>
        <translation>The message as plain text: inbox, push and the text part of mail</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>&lt;p&gt;The message as HTML, for mail&lt;/p&gt;</source>
        <translation>&lt;p&gt;The message as HTML, for mail&lt;/p&gt;</translation>
    </message>
    <message>
        <source>{{name}} puts a variable in; {{#name}}…{{/name}} shows a part only when it is set. HTML escapes values; {{{name}}} does not.</source>
        <translation>{{name}} puts a variable in; {{#name}}…{{/name}} shows a part only when it is set. HTML escapes values; {{{name}}} does not.</translation>
    </message>
</context>
<context>
    <name>TemplateCreateDialog</name>
    <message>
        <source>New template</source>
        <translation>New template</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>Template name</translation>
    </message>
    <message>
        <source>Letters, digits, _ . and -. Publishers refer to the template by this name.</source>
        <translation>Letters, digits, _ . and -. Publishers refer to the template by this name.</translation>
    </message>
    <message>
        <source>Notification type</source>
        <translation>Notification type</translation>
    </message>
    <message>
        <source>e.g. order_status (optional)</source>
        <translation>e.g. order_status (optional)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>When is it sent? (optional)</source>
        <translation>When is it sent? (optional)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
</context>
<context>
    <name>TemplateDetailsForm</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>Template name</translation>
    </message>
    <message>
        <source>Publishers refer to the template by this name or by its id. Renaming breaks publishers that use the old name.</source>
        <translation>Publishers refer to the template by this name or by its id. Renaming breaks publishers that use the old name.</translation>
    </message>
    <message>
        <source>Notification type</source>
        <translation>Notification type</translation>
    </message>
    <message>
        <source>e.g. order_status</source>
        <translation>e.g. order_status</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Messages published without a topic get this one.</source>
        <translation>Messages published without a topic get this one.</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>When is it sent, and to whom?</source>
        <translation>When is it sent, and to whom?</translation>
    </message>
</context>
<context>
    <name>TemplateEditorPane</name>
    <message>
        <source>Unnamed template</source>
        <translation>Unnamed template</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>version %1</translation>
    </message>
    <message>
        <source>unsaved changes</source>
        <translation>unsaved changes</translation>
    </message>
    <message>
        <source>type %1</source>
        <translation>type %1</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Save as a new version (Ctrl+S)</source>
        <translation>Save as a new version (Ctrl+S)</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>Delete template</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Variables (%1)</source>
        <translation>Variables (%1)</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variables</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versions</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
</context>
<context>
    <name>TemplatePreviewPane</name>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Updating the preview</source>
        <translation>Updating the preview</translation>
    </message>
    <message>
        <source>%1. Fill in a sample value below to see the preview.</source>
        <translation>%1. Fill in a sample value below to see the preview.</translation>
    </message>
    <message>
        <source>Sample values</source>
        <translation>Sample values</translation>
    </message>
    <message>
        <source>This template declares no variables.</source>
        <translation>This template declares no variables.</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>default: %1</translation>
    </message>
    <message>
        <source>required (%1)</source>
        <translation>required (%1)</translation>
    </message>
    <message>
        <source>Sample value of %1</source>
        <translation>Sample value of %1</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(no subject)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>(no text)</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>Rendered</source>
        <translation>Rendered</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>(no HTML)</source>
        <translation>(no HTML)</translation>
    </message>
</context>
<context>
    <name>TemplateVariablesTable</name>
    <message>
        <source>Values a message fills in: {{name}} in the text. A required variable must be given unless it has a default.</source>
        <translation>Values a message fills in: {{name}} in the text. A required variable must be given unless it has a default.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Default</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>Name of variable %1</source>
        <translation>Name of variable %1</translation>
    </message>
    <message>
        <source>Type of %1</source>
        <translation>Type of %1</translation>
    </message>
    <message>
        <source>variable %1</source>
        <translation>variable %1</translation>
    </message>
    <message>
        <source>%1 is required</source>
        <translation>%1 is required</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true or false</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>a number</translation>
    </message>
    <message>
        <source>2025-01-31</source>
        <translation>2025-01-31</translation>
    </message>
    <message>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Default of %1</source>
        <translation>Default of %1</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Remove %1</translation>
    </message>
    <message>
        <source>No variables yet: this template&apos;s text is the same in every message.</source>
        <translation>No variables yet: this template&apos;s text is the same in every message.</translation>
    </message>
    <message>
        <source>Add variable</source>
        <translation>Add variable</translation>
    </message>
</context>
<context>
    <name>TemplateVersionsList</name>
    <message>
        <source>Every save is a new version. Messages keep the version they were sent with; restoring saves an old version&apos;s text and variables as the newest one.</source>
        <translation>Every save is a new version. Messages keep the version they were sent with; restoring saves an old version&apos;s text and variables as the newest one.</translation>
    </message>
    <message>
        <source>Version %1, %2</source>
        <translation>Version %1, %2</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>current</source>
        <translation>current</translation>
    </message>
    <message>
        <source>by you</source>
        <translation>by you</translation>
    </message>
    <message numerus="yes">
        <source>%n variable(s)</source>
        <translation>
            <numerusform>%n variable</numerusform>
            <numerusform>%n variables</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Restore version %1</source>
        <translation>Restore version %1</translation>
    </message>
    <message>
        <source>No versions to show</source>
        <translation>No versions to show</translation>
    </message>
</context>
<context>
    <name>TemplatesPage</name>
    <message>
        <source>Not saved: see the field marked in red.</source>
        <translation>Not saved: see the field marked in red.</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Templates</translation>
    </message>
    <message>
        <source>The wording of notifications per channel and language</source>
        <translation>The wording of notifications per channel and language</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>New template</translation>
    </message>
    <message>
        <source>No templates yet</source>
        <translation>No templates yet</translation>
    </message>
    <message>
        <source>A template keeps the wording of a notification in one place: a subject, text and HTML per channel and language, with variables filled in when it is sent.</source>
        <translation>A template keeps the wording of a notification in one place: a subject, text and HTML per channel and language, with variables filled in when it is sent.</translation>
    </message>
    <message>
        <source>Create a template</source>
        <translation>Create a template</translation>
    </message>
    <message>
        <source>Search templates</source>
        <translation>Search templates</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>Show more</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>No match</translation>
    </message>
    <message>
        <source>No template&apos;s name or description contains “%1”.</source>
        <translation>No template&apos;s name or description contains “%1”.</translation>
    </message>
    <message numerus="yes">
        <source>%n template(s)</source>
        <translation>
            <numerusform>%n template</numerusform>
            <numerusform>%n templates</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a template</source>
        <translation>Choose a template</translation>
    </message>
    <message>
        <source>Pick one from the list to edit its text, variables and versions.</source>
        <translation>Pick one from the list to edit its text, variables and versions.</translation>
    </message>
    <message>
        <source>Discard your changes?</source>
        <translation>Discard your changes?</translation>
    </message>
    <message>
        <source>“%1” has changes that are not saved. They are lost if you open another template.</source>
        <translation>“%1” has changes that are not saved. They are lost if you open another template.</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation>Delete “%1”?</translation>
    </message>
    <message>
        <source>Publishing with this template stops working and its name becomes free. Messages already sent with it keep their text.</source>
        <translation>Publishing with this template stops working and its name becomes free. Messages already sent with it keep their text.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Restore version %1?</source>
        <translation>Restore version %1?</translation>
    </message>
    <message>
        <source>Its text and variables are saved as version %1. Your unsaved changes are lost.</source>
        <translation>Its text and variables are saved as version %1. Your unsaved changes are lost.</translation>
    </message>
    <message>
        <source>Its text and variables are saved as version %1.</source>
        <translation>Its text and variables are saved as version %1.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::AdminSession</name>
    <message>
        <source>The server ended this session (%1). Sign in again.</source>
        <translation>The server ended this session (%1). Sign in again.</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Ready, but failing: %1</source>
        <translation>Ready, but failing: %1</translation>
    </message>
    <message>
        <source>Unavailable: the database does not answer</source>
        <translation>Unavailable: the database does not answer</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Unreachable</translation>
    </message>
    <message>
        <source>The server could not be reached: %1</source>
        <translation>The server could not be reached: %1</translation>
    </message>
    <message>
        <source>The server did not answer like a Tidings server.</source>
        <translation>The server did not answer like a Tidings server.</translation>
    </message>
    <message>
        <source>You are signed out: %1</source>
        <translation>You are signed out: %1</translation>
    </message>
    <message>
        <source>Too many requests. Wait a moment, then try again.</source>
        <translation>Too many requests. Wait a moment, then try again.</translation>
    </message>
    <message>
        <source>Not allowed: %1</source>
        <translation>Not allowed: %1</translation>
    </message>
    <message>
        <source>The request failed (%1).</source>
        <translation>The request failed (%1).</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, such as https://tidings.example.org.</source>
        <translation>Enter the server&apos;s address, such as https://tidings.example.org.</translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <translation>Enter your username.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>Tidings Admin on %1</source>
        <translation>Tidings Admin on %1</translation>
    </message>
    <message>
        <source>The username or password is not right.</source>
        <translation>The username or password is not right.</translation>
    </message>
    <message>
        <source>Sign in again: %1</source>
        <translation>Sign in again: %1</translation>
    </message>
    <message>
        <source>%1 is not an administrator. The console needs an admin account.</source>
        <translation>%1 is not an administrator. The console needs an admin account.</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::AdminSettings</name>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::AdminTopicEditor</name>
    <message>
        <source>%1 is in the list already.</source>
        <translation>%1 is in the list already.</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::AdminTopicListModel</name>
    <message>
        <source>Every message arrives on its own.</source>
        <translation>Every message arrives on its own.</translation>
    </message>
    <message>
        <source>Repeats with the same group key become one entry, &quot;N new messages&quot;, showing the latest.</source>
        <translation>Repeats with the same group key become one entry, &quot;N new messages&quot;, showing the latest.</translation>
    </message>
    <message>
        <source>Repeats with the same group key replace the entry with the latest message.</source>
        <translation>Repeats with the same group key replace the entry with the latest message.</translation>
    </message>
    <message>
        <source>No grouping</source>
        <translation>No grouping</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Replace</translation>
    </message>
    <message numerus="yes">
        <source>within %n hour(s)</source>
        <translation>
            <numerusform>within %n hour</numerusform>
            <numerusform>within %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>within %n minute(s)</source>
        <translation>
            <numerusform>within %n minute</numerusform>
            <numerusform>within %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>within %n second(s)</source>
        <translation>
            <numerusform>within %n second</numerusform>
            <numerusform>within %n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter *, role:&lt;role&gt; or user:&lt;name&gt;.</source>
        <translation>Enter *, role:&lt;role&gt; or user:&lt;name&gt;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a role. Use role:admin, role:publisher or role:user.</source>
        <translation>&quot;%1&quot; is not a role. Use role:admin, role:publisher or role:user.</translation>
    </message>
    <message>
        <source>Name a user after user:, such as user:alice.</source>
        <translation>Name a user after user:, such as user:alice.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ACL entry. Use *, role:&lt;role&gt; or user:&lt;name&gt;.</source>
        <translation>&quot;%1&quot; is not an ACL entry. Use *, role:&lt;role&gt; or user:&lt;name&gt;.</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <source>Admins</source>
        <translation>Admins</translation>
    </message>
    <message>
        <source>Publishers</source>
        <translation>Publishers</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Role: %1</source>
        <translation>Role: %1</translation>
    </message>
    <message>
        <source>User %1…</source>
        <translation>User %1…</translation>
    </message>
    <message>
        <source>Deleted user %1…</source>
        <translation>Deleted user %1…</translation>
    </message>
    <message>
        <source>A topic name has 1 to 64 letters, digits, _ or -.</source>
        <translation>A topic name has 1 to 64 letters, digits, _ or -.</translation>
    </message>
    <message>
        <source>An entry is not valid. Use *, role:&lt;role&gt; or user:&lt;name&gt;.</source>
        <translation>An entry is not valid. Use *, role:&lt;role&gt; or user:&lt;name&gt;.</translation>
    </message>
    <message numerus="yes">
        <source>A description has at most %n character(s).</source>
        <translation>
            <numerusform>A description has at most %n character.</numerusform>
            <numerusform>A description has at most %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose how messages group.</source>
        <translation>Choose how messages group.</translation>
    </message>
    <message>
        <source>Group messages within 1 to %1 seconds (24 hours).</source>
        <translation>Group messages within 1 to %1 seconds (24 hours).</translation>
    </message>
    <message>
        <source>You are signed out.</source>
        <translation>You are signed out.</translation>
    </message>
    <message>
        <source>No user is called %1.</source>
        <translation>No user is called %1.</translation>
    </message>
    <message>
        <source>Saved the topic %1.</source>
        <translation>Saved the topic %1.</translation>
    </message>
    <message>
        <source>Created the topic %1.</source>
        <translation>Created the topic %1.</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::ApiListModel</name>
    <message>
        <source>You are signed out.</source>
        <translation>You are signed out.</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::ApiObject</name>
    <message>
        <source>You are signed out.</source>
        <translation>You are signed out.</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::BroadcastAudience</name>
    <message>
        <source>Administrators</source>
        <translation>Administrators</translation>
    </message>
    <message>
        <source>Publishers</source>
        <translation>Publishers</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>A topic is 1-64 letters, digits, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>A topic is 1-64 letters, digits, &apos;_&apos; or &apos;-&apos;.</translation>
    </message>
    <message>
        <source>Choose at least one role.</source>
        <translation>Choose at least one role.</translation>
    </message>
    <message>
        <source>Enter the topic whose subscribers get the broadcast.</source>
        <translation>Enter the topic whose subscribers get the broadcast.</translation>
    </message>
    <message>
        <source>Choose at least one user.</source>
        <translation>Choose at least one user.</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>everyone</translation>
    </message>
    <message>
        <source>the roles %1</source>
        <translation>the roles %1</translation>
    </message>
    <message>
        <source>the subscribers of %1</source>
        <translation>the subscribers of %1</translation>
    </message>
    <message numerus="yes">
        <source>%n chosen user(s)</source>
        <translation>
            <numerusform>%n chosen user</numerusform>
            <numerusform>%n chosen users</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::BroadcastComposer</name>
    <message>
        <source>in-app</source>
        <translation>in-app</translation>
    </message>
    <message>
        <source>email</source>
        <translation>email</translation>
    </message>
    <message>
        <source>push</source>
        <translation>push</translation>
    </message>
    <message>
        <source>webhook</source>
        <translation>webhook</translation>
    </message>
    <message>
        <source>In-app</source>
        <translation>In-app</translation>
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
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Low</translation>
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
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>A name is at most 200 characters.</source>
        <translation>A name is at most 200 characters.</translation>
    </message>
    <message>
        <source>Enter a title.</source>
        <translation>Enter a title.</translation>
    </message>
    <message>
        <source>A title is at most %1 characters.</source>
        <translation>A title is at most %1 characters.</translation>
    </message>
    <message>
        <source>A message is at most %1 characters.</source>
        <translation>A message is at most %1 characters.</translation>
    </message>
    <message>
        <source>Enter an http or https address, or leave it empty.</source>
        <translation>Enter an http or https address, or leave it empty.</translation>
    </message>
    <message>
        <source>Choose a template.</source>
        <translation>Choose a template.</translation>
    </message>
    <message>
        <source>Check the values of the template&apos;s variables.</source>
        <translation>Check the values of the template&apos;s variables.</translation>
    </message>
    <message>
        <source>Check the highlighted fields.</source>
        <translation>Check the highlighted fields.</translation>
    </message>
    <message>
        <source>“%1” is scheduled.</source>
        <translation>“%1” is scheduled.</translation>
    </message>
    <message numerus="yes">
        <source>“%1” was sent to %n user(s).</source>
        <translation>
            <numerusform>“%1” was sent to %n user.</numerusform>
            <numerusform>“%1” was sent to %n users.</numerusform>
        </translation>
    </message>
    <message>
        <source>a template</source>
        <translation>a template</translation>
    </message>
    <message>
        <source>the template “%1”</source>
        <translation>the template “%1”</translation>
    </message>
    <message>
        <source>a message</source>
        <translation>a message</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (leaving out %n user(s))</source>
        <translation>
            <numerusform>%1 (leaving out %n user)</numerusform>
            <numerusform>%1 (leaving out %n users)</numerusform>
        </translation>
    </message>
    <message>
        <source>their preferred channels</source>
        <translation>their preferred channels</translation>
    </message>
    <message>
        <source>Send %1 to %2 by %3 %4.</source>
        <translation>Send %1 to %2 by %3 %4.</translation>
    </message>
    <message>
        <source>%1 Priority: %2.</source>
        <translation>%1 Priority: %2.</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::BroadcastListModel</name>
    <message>
        <source>All broadcasts</source>
        <translation>All broadcasts</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <source>Recurring</source>
        <translation>Recurring</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sending</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Once, %1</source>
        <translation>Once, %1</translation>
    </message>
    <message>
        <source>Sent at once</source>
        <translation>Sent at once</translation>
    </message>
    <message>
        <source>Next %1</source>
        <translation>Next %1</translation>
    </message>
    <message numerus="yes">
        <source>Ran %n time(s)</source>
        <translation>
            <numerusform>Ran %n time</numerusform>
            <numerusform>Ran %n times</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is cancelled.</source>
        <translation>“%1” is cancelled.</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::BroadcastTiming</name>
    <message>
        <source>Enter a date and time as YYYY-MM-DD HH:MM, such as 2026-05-01 09:00.</source>
        <translation>Enter a date and time as YYYY-MM-DD HH:MM, such as 2026-05-01 09:00.</translation>
    </message>
    <message>
        <source>This time has already passed in %1.</source>
        <translation>This time has already passed in %1.</translation>
    </message>
    <message>
        <source>Enter a cron expression, such as 0 9 * * MON-FRI.</source>
        <translation>Enter a cron expression, such as 0 9 * * MON-FRI.</translation>
    </message>
    <message>
        <source>This schedule has no run in the next ten years.</source>
        <translation>This schedule has no run in the next ten years.</translation>
    </message>
    <message>
        <source>Choose a time zone from the list, such as Europe/Berlin.</source>
        <translation>Choose a time zone from the list, such as Europe/Berlin.</translation>
    </message>
    <message>
        <source>At most %1 runs; leave the limit off to run without one.</source>
        <translation>At most %1 runs; leave the limit off to run without one.</translation>
    </message>
    <message>
        <source>now</source>
        <translation>now</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>on %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2), %n time(s), first on %3</source>
        <translation>
            <numerusform>%1 (%2), %n time, first on %3</numerusform>
            <numerusform>%1 (%2), %n times, first on %3</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2), first on %3</source>
        <translation>%1 (%2), first on %3</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::BroadcastVariableModel</name>
    <message>
        <source>%1 is required.</source>
        <translation>%1 is required.</translation>
    </message>
    <message>
        <source>%1 must be a number.</source>
        <translation>%1 must be a number.</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::Dashboard</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::DeliveryDetails</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::DeliveryLogModel</name>
    <message>
        <source>Enter a time as 2026-03-02 14:30.</source>
        <translation>Enter a time as 2026-03-02 14:30.</translation>
    </message>
    <message>
        <source>The start must be before the end.</source>
        <translation>The start must be before the end.</translation>
    </message>
    <message>
        <source>Only failed deliveries can be retried.</source>
        <translation>Only failed deliveries can be retried.</translation>
    </message>
    <message>
        <source>The delivery is queued again.</source>
        <translation>The delivery is queued again.</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>sending</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>skipped</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>In-app</source>
        <translation>In-app</translation>
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
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Will retry</source>
        <translation>Will retry</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>Deferred</source>
        <translation>Deferred</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Reclaimed after a crash</source>
        <translation>Reclaimed after a crash</translation>
    </message>
    <message>
        <source>Retried by an admin</source>
        <translation>Retried by an admin</translation>
    </message>
    <message>
        <source>Clicked</source>
        <translation>Clicked</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::ServerStats</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::TemplateEditor</name>
    <message>
        <source>Default</source>
        <translation>Default</translation>
    </message>
    <message>
        <source>In-app</source>
        <translation>In-app</translation>
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
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>Choose a channel.</source>
        <translation>Choose a channel.</translation>
    </message>
    <message>
        <source>Use a language tag such as de or pt-BR, or leave it empty.</source>
        <translation>Use a language tag such as de or pt-BR, or leave it empty.</translation>
    </message>
    <message>
        <source>%1 already has its own text.</source>
        <translation>%1 already has its own text.</translation>
    </message>
    <message>
        <source>Give the template a name.</source>
        <translation>Give the template a name.</translation>
    </message>
    <message>
        <source>Use up to 100 letters, digits, _ . or -, starting with a letter or digit.</source>
        <translation>Use up to 100 letters, digits, _ . or -, starting with a letter or digit.</translation>
    </message>
    <message>
        <source>Use at most 64 characters.</source>
        <translation>Use at most 64 characters.</translation>
    </message>
    <message>
        <source>Use at most 500 characters.</source>
        <translation>Use at most 500 characters.</translation>
    </message>
    <message>
        <source>A topic name is 1-64 letters, digits, _ or -.</source>
        <translation>A topic name is 1-64 letters, digits, _ or -.</translation>
    </message>
    <message>
        <source>Fix the variables marked in red.</source>
        <translation>Fix the variables marked in red.</translation>
    </message>
    <message>
        <source>The template was not saved: %1</source>
        <translation>The template was not saved: %1</translation>
    </message>
    <message>
        <source>Saved “%1” as version %2</source>
        <translation>Saved “%1” as version %2</translation>
    </message>
    <message>
        <source>%1 of %2: %3</source>
        <translation>%1 of %2: %3</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::TemplateListModel</name>
    <message>
        <source>just now</source>
        <translation>just now</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>yesterday</translation>
    </message>
    <message>
        <source>Give the template a name.</source>
        <translation>Give the template a name.</translation>
    </message>
    <message>
        <source>Use up to 100 letters, digits, _ . or -, starting with a letter or digit.</source>
        <translation>Use up to 100 letters, digits, _ . or -, starting with a letter or digit.</translation>
    </message>
    <message>
        <source>Template “%1” created</source>
        <translation>Template “%1” created</translation>
    </message>
    <message>
        <source>Template deleted</source>
        <translation>Template deleted</translation>
    </message>
    <message>
        <source>Template “%1” deleted</source>
        <translation>Template “%1” deleted</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::TemplateVariablesModel</name>
    <message>
        <source>Give the variable a name.</source>
        <translation>Give the variable a name.</translation>
    </message>
    <message>
        <source>Use letters, digits and _ only, not starting with a digit.</source>
        <translation>Use letters, digits and _ only, not starting with a digit.</translation>
    </message>
    <message>
        <source>“%1” is declared twice.</source>
        <translation>“%1” is declared twice.</translation>
    </message>
    <message>
        <source>The default must be a number.</source>
        <translation>The default must be a number.</translation>
    </message>
    <message>
        <source>The default must be true or false.</source>
        <translation>The default must be true or false.</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::TemplateVersionsModel</name>
    <message>
        <source>Version %1 restored as version %2</source>
        <translation>Version %1 restored as version %2</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::TokenListModel</name>
    <message>
        <source>Never used</source>
        <translation>Never used</translation>
    </message>
    <message>
        <source>Never expires</source>
        <translation>Never expires</translation>
    </message>
    <message>
        <source>Expired %1</source>
        <translation>Expired %1</translation>
    </message>
    <message>
        <source>Expires %1</source>
        <translation>Expires %1</translation>
    </message>
    <message>
        <source>All topics</source>
        <translation>All topics</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publish</translation>
    </message>
    <message>
        <source>Send notifications (as the owner&apos;s role allows)</source>
        <translation>Send notifications (as the owner&apos;s role allows)</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>Read the owner&apos;s notifications and stream</source>
        <translation>Read the owner&apos;s notifications and stream</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Everything an admin can do, including tokens and users</source>
        <translation>Everything an admin can do, including tokens and users</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>In 7 days</source>
        <translation>In 7 days</translation>
    </message>
    <message>
        <source>In 30 days</source>
        <translation>In 30 days</translation>
    </message>
    <message>
        <source>In 90 days</source>
        <translation>In 90 days</translation>
    </message>
    <message>
        <source>In a year</source>
        <translation>In a year</translation>
    </message>
    <message>
        <source>This token no longer exists. Reload the list.</source>
        <translation>This token no longer exists. Reload the list.</translation>
    </message>
    <message numerus="yes">
        <source>Give the token a name of at most %n character(s).</source>
        <translation>
            <numerusform>Give the token a name of at most %n character.</numerusform>
            <numerusform>Give the token a name of at most %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose at least one scope.</source>
        <translation>Choose at least one scope.</translation>
    </message>
    <message>
        <source>Topic patterns have 1 to 64 letters, digits, _, -, * or ?.</source>
        <translation>Topic patterns have 1 to 64 letters, digits, _, -, * or ?.</translation>
    </message>
    <message>
        <source>Choose an expiry in the future.</source>
        <translation>Choose an expiry in the future.</translation>
    </message>
    <message>
        <source>Created the token %1.</source>
        <translation>Created the token %1.</translation>
    </message>
    <message>
        <source>Revoked the token %1. It no longer works.</source>
        <translation>Revoked the token %1. It no longer works.</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::UserListModel</name>
    <message>
        <source>Reads and manages their own notifications</source>
        <translation>Reads and manages their own notifications</translation>
    </message>
    <message>
        <source>Also sends notifications to users, roles and everyone</source>
        <translation>Also sends notifications to users, roles and everyone</translation>
    </message>
    <message>
        <source>Everything, including this console</source>
        <translation>Everything, including this console</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Publisher</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Enter a username.</source>
        <translation>Enter a username.</translation>
    </message>
    <message>
        <source>A username has 2 to 64 letters, digits, dots, underscores or hyphens.</source>
        <translation>A username has 2 to 64 letters, digits, dots, underscores or hyphens.</translation>
    </message>
    <message>
        <source>Enter an email address such as ada@example.org, or leave it empty.</source>
        <translation>Enter an email address such as ada@example.org, or leave it empty.</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>Choose a role.</translation>
    </message>
    <message>
        <source>A password has %1 to %2 characters. Leave it empty to have one generated.</source>
        <translation>A password has %1 to %2 characters. Leave it empty to have one generated.</translation>
    </message>
    <message>
        <source>That username is taken. Choose another.</source>
        <translation>That username is taken. Choose another.</translation>
    </message>
    <message>
        <source>You cannot demote or disable your own account. Another admin has to do that.</source>
        <translation>You cannot demote or disable your own account. Another admin has to do that.</translation>
    </message>
    <message>
        <source>This user no longer exists. Reload the list.</source>
        <translation>This user no longer exists. Reload the list.</translation>
    </message>
    <message>
        <source>A password has %1 to %2 characters.</source>
        <translation>A password has %1 to %2 characters.</translation>
    </message>
    <message numerus="yes">
        <source>A display name has at most %n character(s).</source>
        <translation>
            <numerusform>A display name has at most %n character.</numerusform>
            <numerusform>A display name has at most %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>Created the account %1.</source>
        <translation>Created the account %1.</translation>
    </message>
    <message>
        <source>%1 is now: %2.</source>
        <translation>%1 is now: %2.</translation>
    </message>
    <message>
        <source>Disabled %1 and signed them out everywhere.</source>
        <translation>Disabled %1 and signed them out everywhere.</translation>
    </message>
    <message>
        <source>Enabled %1.</source>
        <translation>Enabled %1.</translation>
    </message>
    <message>
        <source>Reset the password of %1 and signed them out everywhere.</source>
        <translation>Reset the password of %1 and signed them out everywhere.</translation>
    </message>
</context>
<context>
    <name>TokenCreateDialog</name>
    <message>
        <source>New API token</source>
        <translation>New API token</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>e.g. shop-backend</source>
        <translation>e.g. shop-backend</translation>
    </message>
    <message>
        <source>Token name</source>
        <translation>Token name</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Scopes</translation>
    </message>
    <message>
        <source>Topics (optional)</source>
        <translation>Topics (optional)</translation>
    </message>
    <message>
        <source>All topics, or patterns such as orders, deploy-*</source>
        <translation>All topics, or patterns such as orders, deploy-*</translation>
    </message>
    <message>
        <source>Topic patterns</source>
        <translation>Topic patterns</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Create token</source>
        <translation>Create token</translation>
    </message>
</context>
<context>
    <name>TokenRow</name>
    <message>
        <source>Token %1 of %2, %3</source>
        <translation>Token %1 of %2, %3</translation>
    </message>
    <message>
        <source>%1 (@%2)</source>
        <translation>%1 (@%2)</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>Created %1</translation>
    </message>
    <message>
        <source>Revoke the token %1</source>
        <translation>Revoke the token %1</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revoke</translation>
    </message>
</context>
<context>
    <name>TokenSecretDialog</name>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copy the %1 to the clipboard</source>
        <translation>Copy the %1 to the clipboard</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>Copied to the clipboard.</translation>
    </message>
    <message>
        <source>Copy it now and keep it somewhere safe. It will not be shown again.</source>
        <translation>Copy it now and keep it somewhere safe. It will not be shown again.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>TopicAclEditor</name>
    <message>
        <source>Remove %1</source>
        <translation>Remove %1</translation>
    </message>
    <message>
        <source>Nobody but admins</source>
        <translation>Nobody but admins</translation>
    </message>
    <message>
        <source>Add to %1</source>
        <translation>Add to %1</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Add the entry to %1</source>
        <translation>Add the entry to %1</translation>
    </message>
</context>
<context>
    <name>TopicEditorDialog</name>
    <message>
        <source>New topic</source>
        <translation>New topic</translation>
    </message>
    <message>
        <source>Topic %1</source>
        <translation>Topic %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>e.g. orders</source>
        <translation>e.g. orders</translation>
    </message>
    <message>
        <source>Topic name</source>
        <translation>Topic name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>What subscribers get here</source>
        <translation>What subscribers get here</translation>
    </message>
    <message>
        <source>Who may read and subscribe</source>
        <translation>Who may read and subscribe</translation>
    </message>
    <message>
        <source>*, role:user, user:alice or @alice</source>
        <translation>*, role:user, user:alice or @alice</translation>
    </message>
    <message>
        <source>Who may publish</source>
        <translation>Who may publish</translation>
    </message>
    <message>
        <source>role:publisher, user:alice or @alice</source>
        <translation>role:publisher, user:alice or @alice</translation>
    </message>
    <message>
        <source>Grouping of repeated messages</source>
        <translation>Grouping of repeated messages</translation>
    </message>
    <message>
        <source>Grouping</source>
        <translation>Grouping</translation>
    </message>
    <message>
        <source>Grouping window in seconds</source>
        <translation>Grouping window in seconds</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>seconds</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Create topic</source>
        <translation>Create topic</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>TopicRow</name>
    <message numerus="yes">
        <source>Topic %1, %n subscriber(s)</source>
        <translation>
            <numerusform>Topic %1, %n subscriber</numerusform>
            <numerusform>Topic %1, %n subscribers</numerusform>
        </translation>
    </message>
    <message>
        <source>No description</source>
        <translation>No description</translation>
    </message>
    <message>
        <source>Admins only</source>
        <translation>Admins only</translation>
    </message>
    <message>
        <source>Edit the topic %1</source>
        <translation>Edit the topic %1</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
</context>
<context>
    <name>TopicsPage</name>
    <message>
        <source>Topics</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>Who may read and publish, and how messages group</source>
        <translation>Who may read and publish, and how messages group</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>New topic</source>
        <translation>New topic</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publish</translation>
    </message>
    <message>
        <source>Subscribers</source>
        <translation>Subscribers</translation>
    </message>
    <message>
        <source>Grouping</source>
        <translation>Grouping</translation>
    </message>
    <message>
        <source>No topics yet</source>
        <translation>No topics yet</translation>
    </message>
    <message>
        <source>Create one to set who may read and publish it, or publish to a new topic name.</source>
        <translation>Create one to set who may read and publish it, or publish to a new topic name.</translation>
    </message>
</context>
<context>
    <name>UserCreateDialog</name>
    <message>
        <source>New user</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>e.g. ada</source>
        <translation>e.g. ada</translation>
    </message>
    <message>
        <source>Display name (optional)</source>
        <translation>Display name (optional)</translation>
    </message>
    <message>
        <source>e.g. Ada Lovelace</source>
        <translation>e.g. Ada Lovelace</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>Email (optional)</source>
        <translation>Email (optional)</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Password (optional)</source>
        <translation>Password (optional)</translation>
    </message>
    <message>
        <source>Leave empty to generate one</source>
        <translation>Leave empty to generate one</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Create user</source>
        <translation>Create user</translation>
    </message>
</context>
<context>
    <name>UserRow</name>
    <message>
        <source>%1, %2, %3%4</source>
        <translation>%1, %2, %3%4</translation>
    </message>
    <message>
        <source>, disabled</source>
        <translation>, disabled</translation>
    </message>
    <message>
        <source>@%1 · you</source>
        <translation>@%1 · you</translation>
    </message>
    <message>
        <source>No email</source>
        <translation>No email</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Actions for %1</source>
        <translation>Actions for %1</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Users and tokens</source>
        <translation>Users and tokens</translation>
    </message>
    <message>
        <source>Accounts, roles and API tokens</source>
        <translation>Accounts, roles and API tokens</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>New token</source>
        <translation>New token</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>API tokens</source>
        <translation>API tokens</translation>
    </message>
    <message>
        <source>Search by name, username or email</source>
        <translation>Search by name, username or email</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Loading</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>Show more</translation>
    </message>
    <message>
        <source>No users match “%1”</source>
        <translation>No users match “%1”</translation>
    </message>
    <message>
        <source>No users yet</source>
        <translation>No users yet</translation>
    </message>
    <message>
        <source>Try part of a name, a username or an email address.</source>
        <translation>Try part of a name, a username or an email address.</translation>
    </message>
    <message>
        <source>Create accounts for the people who receive notifications.</source>
        <translation>Create accounts for the people who receive notifications.</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Clear the search</translation>
    </message>
    <message>
        <source>Integrations publish and read with these. A token acts as its owner; revoking it stops it at once.</source>
        <translation>Integrations publish and read with these. A token acts as its owner; revoking it stops it at once.</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n token</numerusform>
            <numerusform>%n tokens</numerusform>
        </translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>No API tokens</source>
        <translation>No API tokens</translation>
    </message>
    <message>
        <source>Create a token for each integration that publishes notifications or reads them.</source>
        <translation>Create a token for each integration that publishes notifications or reads them.</translation>
    </message>
    <message>
        <source>Role: %1</source>
        <translation>Role: %1</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Enable</translation>
    </message>
    <message>
        <source>Disable…</source>
        <translation>Disable…</translation>
    </message>
    <message>
        <source>Disable %1?</source>
        <translation>Disable %1?</translation>
    </message>
    <message>
        <source>%1 is signed out on every device at once and cannot sign in or receive notifications until enabled again. Their inbox and tokens are kept.</source>
        <translation>%1 is signed out on every device at once and cannot sign in or receive notifications until enabled again. Their inbox and tokens are kept.</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>Reset the password of %1?</source>
        <translation>Reset the password of %1?</translation>
    </message>
    <message>
        <source>The current password stops working and %1 is signed out everywhere. A new password is generated and shown to you once.</source>
        <translation>The current password stops working and %1 is signed out everywhere. A new password is generated and shown to you once.</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>Revoke the token %1?</source>
        <translation>Revoke the token %1?</translation>
    </message>
    <message>
        <source>Integrations using it are refused from now on. This cannot be undone.</source>
        <translation>Integrations using it are refused from now on. This cannot be undone.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>Password of %1</source>
        <translation>Password of %1</translation>
    </message>
    <message>
        <source>Give this password to %1 over a safe channel. They can sign in with it now.</source>
        <translation>Give this password to %1 over a safe channel. They can sign in with it now.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Token %1 created</source>
        <translation>Token %1 created</translation>
    </message>
    <message>
        <source>Use it as a bearer token: Authorization: Bearer &lt;token&gt;.</source>
        <translation>Use it as a bearer token: Authorization: Bearer &lt;token&gt;.</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Tidings Admin: the console of a tidingsd server.</source>
        <translation>Tidings Admin: the console of a tidingsd server.</translation>
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
        <source>Start with the &lt;light|dark&gt; theme (and keep it).</source>
        <translation>Start with the &lt;light|dark&gt; theme (and keep it).</translation>
    </message>
    <message>
        <source>Show the console in &lt;code&gt; (en, id) and keep it.</source>
        <translation>Show the console in &lt;code&gt; (en, id) and keep it.</translation>
    </message>
</context>
</TS>
