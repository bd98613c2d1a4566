<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id">
<context>
    <name>BroadcastComposerPanel</name>
    <message>
        <source>Message</source>
        <translation>Pesan</translation>
    </message>
    <message>
        <source>Free text</source>
        <translation>Teks bebas</translation>
    </message>
    <message>
        <source>From a template</source>
        <translation>Dari templat</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>What is it about?</source>
        <translation>Tentang apa?</translation>
    </message>
    <message>
        <source>The text users read (optional)</source>
        <translation>Teks yang dibaca pengguna (opsional)</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Tautan</translation>
    </message>
    <message>
        <source>https://… opened when the notification is clicked (optional)</source>
        <translation>https://… dibuka saat notifikasi diklik (opsional)</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Templat</translation>
    </message>
    <message>
        <source>Choose a template</source>
        <translation>Pilih templat</translation>
    </message>
    <message>
        <source>There are no templates yet: create one on the Templates page.</source>
        <translation>Belum ada templat: buat satu di halaman Templat.</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>This template has no variables.</source>
        <translation>Templat ini tidak memiliki variabel.</translation>
    </message>
    <message>
        <source>%1, required</source>
        <translation>%1, wajib</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>Bawaan: %1</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>TTTT-BB-HH</translation>
    </message>
    <message>
        <source>Value of %1</source>
        <translation>Nilai %1</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <source>Name in the list</source>
        <translation>Nama dalam daftar</translation>
    </message>
    <message>
        <source>Default: the template&apos;s name</source>
        <translation>Bawaan: nama templat</translation>
    </message>
    <message>
        <source>Default: the title</source>
        <translation>Bawaan: judul</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Audiens</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Semua orang</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Topic subscribers</source>
        <translation>Pelanggan topik</translation>
    </message>
    <message>
        <source>Chosen users</source>
        <translation>Pengguna terpilih</translation>
    </message>
    <message>
        <source>Search users to send to</source>
        <translation>Cari pengguna penerima</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topik</translation>
    </message>
    <message>
        <source>File under topic (optional)</source>
        <translation>Masukkan ke topik (opsional)</translation>
    </message>
    <message>
        <source>Its subscribers get the broadcast, e.g. deploys</source>
        <translation>Pelanggannya menerima siaran, mis. deploy</translation>
    </message>
    <message>
        <source>Labels the notification, e.g. maintenance</source>
        <translation>Melabeli notifikasi, mis. pemeliharaan</translation>
    </message>
    <message>
        <source>Leave out</source>
        <translation>Kecualikan</translation>
    </message>
    <message>
        <source>Search users who should not get it</source>
        <translation>Cari pengguna yang tidak boleh menerimanya</translation>
    </message>
    <message>
        <source>Counting recipients…</source>
        <translation>Menghitung penerima…</translation>
    </message>
    <message>
        <source>Complete the audience to see how many users it reaches.</source>
        <translation>Lengkapi audiens untuk melihat berapa pengguna yang dijangkau.</translation>
    </message>
    <message numerus="yes">
        <source>Reaches %n user(s) right now</source>
        <translation>
            <numerusform>Menjangkau %n pengguna saat ini</numerusform>
        </translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Pengiriman</translation>
    </message>
    <message>
        <source>Each user&apos;s preferred channels</source>
        <translation>Kanal pilihan setiap pengguna</translation>
    </message>
    <message>
        <source>Only these channels:</source>
        <translation>Hanya kanal ini:</translation>
    </message>
    <message>
        <source>%1 (always)</source>
        <translation>%1 (selalu)</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritas</translation>
    </message>
</context>
<context>
    <name>BroadcastTimingEditor</name>
    <message>
        <source>When</source>
        <translation>Kapan</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Sekarang</translation>
    </message>
    <message>
        <source>At a date and time</source>
        <translation>Pada waktu tertentu</translation>
    </message>
    <message>
        <source>Recurring</source>
        <translation>Berulang</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Tanggal dan waktu</translation>
    </message>
    <message>
        <source>Schedule (cron)</source>
        <translation>Jadwal (cron)</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona waktu</translation>
    </message>
    <message>
        <source>YYYY-MM-DD HH:MM</source>
        <translation>TTTT-BB-HH JJ:MM</translation>
    </message>
    <message>
        <source>minute hour day month weekday</source>
        <translation>menit jam tanggal bulan hari</translation>
    </message>
    <message>
        <source>Date and time, as YYYY-MM-DD HH:MM</source>
        <translation>Tanggal dan waktu, dengan format TTTT-BB-HH JJ:MM</translation>
    </message>
    <message>
        <source>Cron expression</source>
        <translation>Ekspresi cron</translation>
    </message>
    <message>
        <source>Sends on %1</source>
        <translation>Dikirim pada %1</translation>
    </message>
    <message>
        <source>Five fields: minute hour day-of-month month day-of-week, such as 0 9 * * MON-FRI or */30 * * * *; @daily and @weekly work too.</source>
        <translation>Lima kolom: menit jam tanggal bulan hari-dalam-minggu, misalnya 0 9 * * MON-FRI atau */30 * * * *; @daily dan @weekly juga bisa.</translation>
    </message>
    <message>
        <source>Stop after</source>
        <translation>Berhenti setelah</translation>
    </message>
    <message>
        <source>Number of runs</source>
        <translation>Jumlah kali dijalankan</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>kali</translation>
    </message>
    <message>
        <source>Runs %1 (%2)</source>
        <translation>Dijalankan %1 (%2)</translation>
    </message>
    <message>
        <source>Next runs:</source>
        <translation>Jadwal berikutnya:</translation>
    </message>
</context>
<context>
    <name>BroadcastUserPicker</name>
    <message>
        <source>Search users by name or email</source>
        <translation>Cari pengguna berdasarkan nama atau email</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Hapus %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>nonaktif</translation>
    </message>
    <message>
        <source>No user matches “%1”</source>
        <translation>Tidak ada pengguna yang cocok dengan “%1”</translation>
    </message>
</context>
<context>
    <name>BroadcastsPage</name>
    <message>
        <source>Check the highlighted fields.</source>
        <translation>Periksa kolom yang disorot.</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Broadcasts</source>
        <translation>Siaran</translation>
    </message>
    <message>
        <source>Send to many users at once, now, later or on a schedule · updating live</source>
        <translation>Kirim ke banyak pengguna sekaligus, sekarang, nanti, atau terjadwal · diperbarui langsung</translation>
    </message>
    <message>
        <source>Send to many users at once, now, later or on a schedule</source>
        <translation>Kirim ke banyak pengguna sekaligus, sekarang, nanti, atau terjadwal</translation>
    </message>
    <message>
        <source>Show broadcasts</source>
        <translation>Tampilkan siaran</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Segarkan</translation>
    </message>
    <message>
        <source>New broadcast</source>
        <translation>Siaran baru</translation>
    </message>
    <message>
        <source>New broadcast (Ctrl+N)</source>
        <translation>Siaran baru (Ctrl+N)</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>Siaran</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Penerima</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Dibaca</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <source>%1, %2, %3 recipients, %4 read</source>
        <translation>%1, %2, %3 penerima, %4 dibaca</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Cancel %1</source>
        <translation>Batalkan %1</translation>
    </message>
    <message>
        <source>Cancel: no further runs</source>
        <translation>Batalkan: tidak dijalankan lagi</translation>
    </message>
    <message>
        <source>Cancel before it is sent</source>
        <translation>Batalkan sebelum dikirim</translation>
    </message>
    <message>
        <source>No broadcasts in this state</source>
        <translation>Tidak ada siaran dengan status ini</translation>
    </message>
    <message>
        <source>No broadcasts yet</source>
        <translation>Belum ada siaran</translation>
    </message>
    <message>
        <source>Choose “All broadcasts” to see the others.</source>
        <translation>Pilih “Semua siaran” untuk melihat yang lain.</translation>
    </message>
    <message>
        <source>Send a message to everyone, some roles, a topic&apos;s subscribers or chosen users — now, later or on a schedule.</source>
        <translation>Kirim pesan ke semua orang, peran tertentu, pelanggan suatu topik, atau pengguna terpilih — sekarang, nanti, atau terjadwal.</translation>
    </message>
    <message>
        <source>Nothing is sent until you confirm.</source>
        <translation>Tidak ada yang dikirim sebelum Anda konfirmasi.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Close (Esc); the draft is kept</source>
        <translation>Tutup (Esc); draf tetap disimpan</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Bersihkan</translation>
    </message>
    <message>
        <source>Start over with an empty draft</source>
        <translation>Mulai ulang dengan draf kosong</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Mengirim…</translation>
    </message>
    <message>
        <source>Review and send…</source>
        <translation>Tinjau dan kirim…</translation>
    </message>
    <message>
        <source>Send this broadcast?</source>
        <translation>Kirim siaran ini?</translation>
    </message>
    <message>
        <source>Schedule this broadcast?</source>
        <translation>Jadwalkan siaran ini?</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Kirim sekarang</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Jadwalkan</translation>
    </message>
    <message>
        <source>Cancel “%1”?</source>
        <translation>Batalkan “%1”?</translation>
    </message>
    <message>
        <source>It will not run again. Messages already sent stay in the inboxes; deliveries still waiting are cancelled.</source>
        <translation>Siaran tidak akan dijalankan lagi. Pesan yang sudah terkirim tetap ada di kotak masuk; pengiriman yang masih menunggu dibatalkan.</translation>
    </message>
    <message>
        <source>It will not be sent, and nobody will see it.</source>
        <translation>Siaran tidak akan dikirim, dan tidak ada yang akan melihatnya.</translation>
    </message>
    <message>
        <source>Cancel broadcast</source>
        <translation>Batalkan siaran</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Confirm</source>
        <translation>Konfirmasi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>ConsoleView</name>
    <message>
        <source>Dashboard</source>
        <translation>Dasbor</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Templat</translation>
    </message>
    <message>
        <source>Broadcasts</source>
        <translation>Siaran</translation>
    </message>
    <message>
        <source>Users and tokens</source>
        <translation>Pengguna dan token</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Topik</translation>
    </message>
    <message>
        <source>Delivery log</source>
        <translation>Log pengiriman</translation>
    </message>
    <message>
        <source>Admin console</source>
        <translation>Konsol admin</translation>
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
        <translation>Memeriksa…</translation>
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
        <translation>Gunakan tema terang</translation>
    </message>
    <message>
        <source>Use the dark theme</source>
        <translation>Gunakan tema gelap</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Otomatis</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Sign out?</source>
        <translation>Keluar?</translation>
    </message>
    <message>
        <source>You will need your password to sign in to %1 again.</source>
        <translation>Anda memerlukan kata sandi untuk masuk lagi ke %1.</translation>
    </message>
</context>
<context>
    <name>DashboardLatency</name>
    <message>
        <source>Latency</source>
        <translation>Latensi</translation>
    </message>
    <message>
        <source>From publishing to the provider&apos;s acceptance, or to the first acknowledgement in-app</source>
        <translation>Dari penerbitan hingga diterima penyedia, atau hingga konfirmasi pertama in-app</translation>
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
            <numerusform>%n pengiriman diukur</numerusform>
        </translation>
    </message>
    <message>
        <source>No delivery was measured in this period</source>
        <translation>Tidak ada pengiriman yang diukur pada periode ini</translation>
    </message>
</context>
<context>
    <name>DashboardLive</name>
    <message>
        <source>Live</source>
        <translation>Langsung</translation>
    </message>
    <message>
        <source>every %1 s</source>
        <translation>setiap %1 dtk</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Koneksi</translation>
    </message>
    <message>
        <source>Users online</source>
        <translation>Pengguna daring</translation>
    </message>
    <message>
        <source>Queue depth</source>
        <translation>Panjang antrean</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Waktu aktif</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>24 hours</source>
        <translation>24 jam</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>24 jam terakhir</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 hari</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 hari terakhir</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 hari</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 hari terakhir</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dasbor</translation>
    </message>
    <message>
        <source>%1 · updated %2</source>
        <translation>%1 · diperbarui %2</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Segarkan</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Segarkan (F5)</translation>
    </message>
    <message>
        <source>Could not refresh: %1</source>
        <translation>Tidak dapat menyegarkan: %1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Terkirim</translation>
    </message>
    <message>
        <source>all channels</source>
        <translation>semua kanal</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>acknowledged in-app</source>
        <translation>dikonfirmasi in-app</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Dibaca</translation>
    </message>
    <message>
        <source>%1 dismissed</source>
        <translation>%1 diabaikan</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Gagal</translation>
    </message>
    <message>
        <source>dead letters</source>
        <translation>pesan mati</translation>
    </message>
    <message>
        <source>Delivery rate</source>
        <translation>Tingkat penerimaan</translation>
    </message>
    <message>
        <source>delivered of sent in-app</source>
        <translation>diterima dari yang terkirim in-app</translation>
    </message>
    <message>
        <source>Read rate</source>
        <translation>Tingkat baca</translation>
    </message>
    <message>
        <source>read of delivered</source>
        <translation>dibaca dari yang diterima</translation>
    </message>
    <message>
        <source>Click rate</source>
        <translation>Tingkat klik</translation>
    </message>
    <message>
        <source>email and push links</source>
        <translation>tautan email dan push</translation>
    </message>
    <message>
        <source>Clicked</source>
        <translation>Diklik</translation>
    </message>
    <message>
        <source>people who opened a link</source>
        <translation>orang yang membuka tautan</translation>
    </message>
</context>
<context>
    <name>DashboardPeriodSelector</name>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
</context>
<context>
    <name>DashboardTimeline</name>
    <message>
        <source>Sent</source>
        <translation>Terkirim</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Dibaca</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Gagal</translation>
    </message>
    <message>
        <source>Clicked</source>
        <translation>Diklik</translation>
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
        <translation>Lini masa per kanal</translation>
    </message>
    <message>
        <source>Per hour</source>
        <translation>Per jam</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>Per hari</translation>
    </message>
    <message>
        <source>Figure shown</source>
        <translation>Angka yang ditampilkan</translation>
    </message>
    <message>
        <source>%1 per channel over the period</source>
        <translation>%1 per kanal selama periode ini</translation>
    </message>
    <message>
        <source>Nothing to show for this period yet</source>
        <translation>Belum ada yang bisa ditampilkan untuk periode ini</translation>
    </message>
</context>
<context>
    <name>DashboardTopTopics</name>
    <message>
        <source>Top topics</source>
        <translation>Topik teratas</translation>
    </message>
    <message>
        <source>Most sent first, with how many were read</source>
        <translation>Paling banyak dikirim lebih dulu, beserta jumlah yang dibaca</translation>
    </message>
    <message>
        <source>No topic had any activity in this period.</source>
        <translation>Tidak ada aktivitas topik pada periode ini.</translation>
    </message>
    <message>
        <source>%1: %2 sent, %3 read</source>
        <translation>%1: %2 terkirim, %3 dibaca</translation>
    </message>
    <message>
        <source>%1 sent</source>
        <translation>%1 terkirim</translation>
    </message>
    <message>
        <source>%1 read</source>
        <translation>%1 dibaca</translation>
    </message>
</context>
<context>
    <name>DeliveryDetailsPanel</name>
    <message>
        <source>Delivery details</source>
        <translation>Detail pengiriman</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Pengiriman</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Memuat</translation>
    </message>
    <message>
        <source>Reload the delivery</source>
        <translation>Muat ulang pengiriman</translation>
    </message>
    <message>
        <source>Close the details</source>
        <translation>Tutup detail</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Tutup (Esc)</translation>
    </message>
    <message>
        <source>priority %1</source>
        <translation>prioritas %1</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topik</translation>
    </message>
    <message>
        <source>Notification</source>
        <translation>Notifikasi</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Diperbarui</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Terkirim</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Percobaan berikutnya</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Percobaan</translation>
    </message>
    <message>
        <source>Provider code</source>
        <translation>Kode penyedia</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Kesalahan terakhir</translation>
    </message>
    <message>
        <source>Retry delivery</source>
        <translation>Ulangi pengiriman</translation>
    </message>
    <message>
        <source>Not attempted yet.</source>
        <translation>Belum dicoba.</translation>
    </message>
    <message>
        <source>attempt %1</source>
        <translation>percobaan %1</translation>
    </message>
    <message>
        <source>after %1</source>
        <translation>setelah %1</translation>
    </message>
    <message>
        <source>Provider: %1 %2</source>
        <translation>Penyedia: %1 %2</translation>
    </message>
</context>
<context>
    <name>DeliveryFilterBar</name>
    <message>
        <source>Any status</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Tertunda</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sedang dikirim</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Terkirim</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Gagal</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Dilewati</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Any channel</source>
        <translation>Semua kanal</translation>
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
        <translation>Kapan saja</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Satu jam terakhir</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>24 jam terakhir</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 hari terakhir</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 hari terakhir</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Rentang khusus</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>User name or id</source>
        <translation>Nama atau id pengguna</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Bersihkan</translation>
    </message>
    <message>
        <source>Clear the filters</source>
        <translation>Bersihkan filter</translation>
    </message>
    <message>
        <source>Created from</source>
        <translation>Dibuat dari</translation>
    </message>
    <message>
        <source>2026-03-02 09:00</source>
        <translation>2026-03-02 09:00</translation>
    </message>
    <message>
        <source>Created from (local time)</source>
        <translation>Dibuat dari (waktu lokal)</translation>
    </message>
    <message>
        <source>until</source>
        <translation>hingga</translation>
    </message>
    <message>
        <source>now</source>
        <translation>sekarang</translation>
    </message>
    <message>
        <source>Created until (local time)</source>
        <translation>Dibuat hingga (waktu lokal)</translation>
    </message>
    <message>
        <source>local time, yyyy-mm-dd hh:mm</source>
        <translation>waktu lokal, tttt-bb-hh jj:mm</translation>
    </message>
</context>
<context>
    <name>DeliveryLogPage</name>
    <message>
        <source>Send the %1 to %2 again now, with a fresh retry schedule?</source>
        <translation>Kirim ulang %1 ke %2 sekarang, dengan jadwal coba ulang yang baru?</translation>
    </message>
    <message>
        <source>Delivery log</source>
        <translation>Log pengiriman</translation>
    </message>
    <message numerus="yes">
        <source>%n delivery job(s)</source>
        <translation>
            <numerusform>%n tugas pengiriman</numerusform>
        </translation>
    </message>
    <message>
        <source>Every delivery job, its attempts and errors</source>
        <translation>Setiap tugas pengiriman, beserta percobaan dan kesalahannya</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Segarkan</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Segarkan (F5)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topik</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Percobaan</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Diperbarui</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Kesalahan terakhir</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>Pengiriman</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>Muat lebih banyak</translation>
    </message>
    <message>
        <source>No deliveries match these filters</source>
        <translation>Tidak ada pengiriman yang cocok dengan filter ini</translation>
    </message>
    <message>
        <source>No deliveries yet</source>
        <translation>Belum ada pengiriman</translation>
    </message>
    <message>
        <source>Deliveries by email, push and webhook appear here as notifications go out.</source>
        <translation>Pengiriman melalui email, push, dan webhook muncul di sini saat notifikasi dikirim.</translation>
    </message>
    <message>
        <source>Clear the filters</source>
        <translation>Bersihkan filter</translation>
    </message>
    <message>
        <source>Retry this delivery?</source>
        <translation>Ulangi pengiriman ini?</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Kirim ulang</translation>
    </message>
</context>
<context>
    <name>DeliveryRow</name>
    <message>
        <source>%1 %2 to %3, %4</source>
        <translation>%2 %1 ke %3, %4</translation>
    </message>
    <message>
        <source>Retry this delivery</source>
        <translation>Ulangi pengiriman ini</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Kirim ulang</translation>
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
        <translation>Cari</translation>
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
        <translation>Masuk dengan akun administrator</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Alamat server</translation>
    </message>
    <message>
        <source>tidingsd %1 · %2</source>
        <translation>tidingsd %1 · %2</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>Signing in with the saved session…</source>
        <translation>Masuk dengan sesi tersimpan…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Sedang masuk…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>Your session is kept in the system keychain.</source>
        <translation>Sesi Anda disimpan di rantai kunci sistem.</translation>
    </message>
</context>
<context>
    <name>StateView</name>
    <message>
        <source>Nothing here yet</source>
        <translation>Belum ada apa-apa di sini</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Memuat</translation>
    </message>
    <message>
        <source>Could not load this page</source>
        <translation>Tidak dapat memuat halaman ini</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Coba lagi</translation>
    </message>
</context>
<context>
    <name>TemplateContentForm</name>
    <message>
        <source>%1 (has an error)</source>
        <translation>%1 (ada kesalahan)</translation>
    </message>
    <message>
        <source>Add channel or language</source>
        <translation>Tambah kanal atau bahasa</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>de, pt-BR… (empty: every language)</source>
        <translation>de, pt-BR… (kosong: semua bahasa)</translation>
    </message>
    <message>
        <source>Language tag</source>
        <translation>Tag bahasa</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Tambah</translation>
    </message>
    <message>
        <source>The default text: used for every channel and language that has none of its own.</source>
        <translation>Teks bawaan: digunakan untuk setiap kanal dan bahasa yang tidak memiliki teks sendiri.</translation>
    </message>
    <message>
        <source>Used when the user&apos;s language is %1, for the channels without a text of their own.</source>
        <translation>Digunakan jika bahasa pengguna adalah %1, untuk kanal yang tidak memiliki teks sendiri.</translation>
    </message>
    <message>
        <source>Used for %1 when the user&apos;s language is %2.</source>
        <translation>Digunakan untuk %1 jika bahasa pengguna adalah %2.</translation>
    </message>
    <message>
        <source>Used for %1 in every language without a text of its own.</source>
        <translation>Digunakan untuk %1 dalam setiap bahasa yang tidak memiliki teks sendiri.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Remove the %1 text</source>
        <translation>Hapus teks %1</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subjek</translation>
    </message>
    <message>
        <source>Order {{orderId}} shipped</source>
        <translation>Pesanan {{orderId}} telah dikirim</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Teks</translation>
    </message>
    <message>
        <source>The message as plain text: inbox, push and the text part of mail</source>
        <translation>Pesan sebagai teks biasa: kotak masuk, push, dan bagian teks dari email</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>&lt;p&gt;The message as HTML, for mail&lt;/p&gt;</source>
        <translation>&lt;p&gt;Pesan sebagai HTML, untuk email&lt;/p&gt;</translation>
    </message>
    <message>
        <source>{{name}} puts a variable in; {{#name}}…{{/name}} shows a part only when it is set. HTML escapes values; {{{name}}} does not.</source>
        <translation>{{name}} menyisipkan variabel; {{#name}}…{{/name}} menampilkan suatu bagian hanya jika variabelnya diisi. Dalam HTML, karakter khusus pada nilai dikodekan; pada {{{name}}} tidak.</translation>
    </message>
</context>
<context>
    <name>TemplateCreateDialog</name>
    <message>
        <source>New template</source>
        <translation>Templat baru</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>Nama templat</translation>
    </message>
    <message>
        <source>Letters, digits, _ . and -. Publishers refer to the template by this name.</source>
        <translation>Huruf, angka, _ . dan -. Penerbit merujuk templat dengan nama ini.</translation>
    </message>
    <message>
        <source>Notification type</source>
        <translation>Jenis notifikasi</translation>
    </message>
    <message>
        <source>e.g. order_status (optional)</source>
        <translation>mis. order_status (opsional)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Deskripsi</translation>
    </message>
    <message>
        <source>When is it sent? (optional)</source>
        <translation>Kapan dikirim? (opsional)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Buat</translation>
    </message>
</context>
<context>
    <name>TemplateDetailsForm</name>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>Nama templat</translation>
    </message>
    <message>
        <source>Publishers refer to the template by this name or by its id. Renaming breaks publishers that use the old name.</source>
        <translation>Penerbit merujuk templat dengan nama ini atau dengan id-nya. Mengganti nama akan merusak penerbit yang memakai nama lama.</translation>
    </message>
    <message>
        <source>Notification type</source>
        <translation>Jenis notifikasi</translation>
    </message>
    <message>
        <source>e.g. order_status</source>
        <translation>mis. order_status</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topik</translation>
    </message>
    <message>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <source>Messages published without a topic get this one.</source>
        <translation>Pesan yang diterbitkan tanpa topik akan mendapat topik ini.</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Deskripsi</translation>
    </message>
    <message>
        <source>When is it sent, and to whom?</source>
        <translation>Kapan dikirim, dan kepada siapa?</translation>
    </message>
</context>
<context>
    <name>TemplateEditorPane</name>
    <message>
        <source>Unnamed template</source>
        <translation>Templat tanpa nama</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>versi %1</translation>
    </message>
    <message>
        <source>unsaved changes</source>
        <translation>perubahan belum disimpan</translation>
    </message>
    <message>
        <source>type %1</source>
        <translation>jenis %1</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Buang</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Buang perubahan</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Save as a new version (Ctrl+S)</source>
        <translation>Simpan sebagai versi baru (Ctrl+S)</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>Hapus templat</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Teks</translation>
    </message>
    <message>
        <source>Variables (%1)</source>
        <translation>Variabel (%1)</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variabel</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versi</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Pratinjau</translation>
    </message>
</context>
<context>
    <name>TemplatePreviewPane</name>
    <message>
        <source>Preview</source>
        <translation>Pratinjau</translation>
    </message>
    <message>
        <source>Updating the preview</source>
        <translation>Memperbarui pratinjau</translation>
    </message>
    <message>
        <source>%1. Fill in a sample value below to see the preview.</source>
        <translation>%1. Isi nilai contoh di bawah untuk melihat pratinjau.</translation>
    </message>
    <message>
        <source>Sample values</source>
        <translation>Nilai contoh</translation>
    </message>
    <message>
        <source>This template declares no variables.</source>
        <translation>Templat ini tidak mendeklarasikan variabel.</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>bawaan: %1</translation>
    </message>
    <message>
        <source>required (%1)</source>
        <translation>wajib (%1)</translation>
    </message>
    <message>
        <source>Sample value of %1</source>
        <translation>Nilai contoh %1</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subjek</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(tanpa subjek)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Teks</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>(tanpa teks)</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>Rendered</source>
        <translation>Tampilan</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <source>(no HTML)</source>
        <translation>(tanpa HTML)</translation>
    </message>
</context>
<context>
    <name>TemplateVariablesTable</name>
    <message>
        <source>Values a message fills in: {{name}} in the text. A required variable must be given unless it has a default.</source>
        <translation>Nilai yang diisi oleh pesan: {{name}} di dalam teks. Variabel wajib harus diberikan kecuali memiliki nilai bawaan.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Wajib</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Bawaan</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nama</translation>
    </message>
    <message>
        <source>Name of variable %1</source>
        <translation>Nama variabel %1</translation>
    </message>
    <message>
        <source>Type of %1</source>
        <translation>Jenis %1</translation>
    </message>
    <message>
        <source>variable %1</source>
        <translation>variabel %1</translation>
    </message>
    <message>
        <source>%1 is required</source>
        <translation>%1 wajib diisi</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true atau false</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>angka</translation>
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
        <translation>tidak ada</translation>
    </message>
    <message>
        <source>Default of %1</source>
        <translation>Nilai bawaan %1</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Hapus %1</translation>
    </message>
    <message>
        <source>No variables yet: this template&apos;s text is the same in every message.</source>
        <translation>Belum ada variabel: teks templat ini sama di setiap pesan.</translation>
    </message>
    <message>
        <source>Add variable</source>
        <translation>Tambah variabel</translation>
    </message>
</context>
<context>
    <name>TemplateVersionsList</name>
    <message>
        <source>Every save is a new version. Messages keep the version they were sent with; restoring saves an old version&apos;s text and variables as the newest one.</source>
        <translation>Setiap penyimpanan menjadi versi baru. Pesan tetap memakai versi saat dikirim; memulihkan akan menyimpan teks dan variabel versi lama sebagai versi terbaru.</translation>
    </message>
    <message>
        <source>Version %1, %2</source>
        <translation>Versi %1, %2</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Versi %1</translation>
    </message>
    <message>
        <source>current</source>
        <translation>terkini</translation>
    </message>
    <message>
        <source>by you</source>
        <translation>oleh Anda</translation>
    </message>
    <message numerus="yes">
        <source>%n variable(s)</source>
        <translation>
            <numerusform>%n variabel</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Pulihkan</translation>
    </message>
    <message>
        <source>Restore version %1</source>
        <translation>Pulihkan versi %1</translation>
    </message>
    <message>
        <source>No versions to show</source>
        <translation>Tidak ada versi untuk ditampilkan</translation>
    </message>
</context>
<context>
    <name>TemplatesPage</name>
    <message>
        <source>Not saved: see the field marked in red.</source>
        <translation>Tidak disimpan: lihat kolom yang ditandai merah.</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Templat</translation>
    </message>
    <message>
        <source>The wording of notifications per channel and language</source>
        <translation>Isi teks notifikasi per kanal dan bahasa</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>Templat baru</translation>
    </message>
    <message>
        <source>No templates yet</source>
        <translation>Belum ada templat</translation>
    </message>
    <message>
        <source>A template keeps the wording of a notification in one place: a subject, text and HTML per channel and language, with variables filled in when it is sent.</source>
        <translation>Templat menyimpan isi teks notifikasi di satu tempat: subjek, teks, dan HTML per kanal dan bahasa, dengan variabel yang diisi saat dikirim.</translation>
    </message>
    <message>
        <source>Create a template</source>
        <translation>Buat templat</translation>
    </message>
    <message>
        <source>Search templates</source>
        <translation>Cari templat</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>Tampilkan lebih banyak</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Tidak ada yang cocok</translation>
    </message>
    <message>
        <source>No template&apos;s name or description contains “%1”.</source>
        <translation>Tidak ada nama atau deskripsi templat yang memuat “%1”.</translation>
    </message>
    <message numerus="yes">
        <source>%n template(s)</source>
        <translation>
            <numerusform>%n templat</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a template</source>
        <translation>Pilih templat</translation>
    </message>
    <message>
        <source>Pick one from the list to edit its text, variables and versions.</source>
        <translation>Pilih satu dari daftar untuk menyunting teks, variabel, dan versinya.</translation>
    </message>
    <message>
        <source>Discard your changes?</source>
        <translation>Buang perubahan Anda?</translation>
    </message>
    <message>
        <source>“%1” has changes that are not saved. They are lost if you open another template.</source>
        <translation>“%1” memiliki perubahan yang belum disimpan. Perubahan itu hilang jika Anda membuka templat lain.</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Buang perubahan</translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation>Hapus “%1”?</translation>
    </message>
    <message>
        <source>Publishing with this template stops working and its name becomes free. Messages already sent with it keep their text.</source>
        <translation>Penerbitan dengan templat ini tidak akan berfungsi lagi dan namanya bisa dipakai kembali. Pesan yang sudah dikirim dengannya tetap menyimpan teksnya.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Restore version %1?</source>
        <translation>Pulihkan versi %1?</translation>
    </message>
    <message>
        <source>Its text and variables are saved as version %1. Your unsaved changes are lost.</source>
        <translation>Teks dan variabelnya disimpan sebagai versi %1. Perubahan Anda yang belum disimpan akan hilang.</translation>
    </message>
    <message>
        <source>Its text and variables are saved as version %1.</source>
        <translation>Teks dan variabelnya disimpan sebagai versi %1.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Pulihkan</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::AdminSession</name>
    <message>
        <source>The server ended this session (%1). Sign in again.</source>
        <translation>Server mengakhiri sesi ini (%1). Silakan masuk lagi.</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Siap</translation>
    </message>
    <message>
        <source>Ready, but failing: %1</source>
        <translation>Siap, tetapi bermasalah: %1</translation>
    </message>
    <message>
        <source>Unavailable: the database does not answer</source>
        <translation>Tidak tersedia: basis data tidak merespons</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Tidak terjangkau</translation>
    </message>
    <message>
        <source>The server could not be reached: %1</source>
        <translation>Server tidak dapat dihubungi: %1</translation>
    </message>
    <message>
        <source>The server did not answer like a Tidings server.</source>
        <translation>Server tidak merespons seperti server Tidings.</translation>
    </message>
    <message>
        <source>You are signed out: %1</source>
        <translation>Anda telah keluar: %1</translation>
    </message>
    <message>
        <source>Too many requests. Wait a moment, then try again.</source>
        <translation>Terlalu banyak permintaan. Tunggu sebentar, lalu coba lagi.</translation>
    </message>
    <message>
        <source>Not allowed: %1</source>
        <translation>Tidak diizinkan: %1</translation>
    </message>
    <message>
        <source>The request failed (%1).</source>
        <translation>Permintaan gagal (%1).</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, such as https://tidings.example.org.</source>
        <translation>Masukkan alamat server, misalnya https://tidings.example.org.</translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <translation>Masukkan nama pengguna Anda.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Masukkan kata sandi Anda.</translation>
    </message>
    <message>
        <source>Tidings Admin on %1</source>
        <translation>Tidings Admin di %1</translation>
    </message>
    <message>
        <source>The username or password is not right.</source>
        <translation>Nama pengguna atau kata sandi salah.</translation>
    </message>
    <message>
        <source>Sign in again: %1</source>
        <translation>Masuk lagi: %1</translation>
    </message>
    <message>
        <source>%1 is not an administrator. The console needs an admin account.</source>
        <translation>%1 bukan administrator. Konsol ini memerlukan akun admin.</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::AdminSettings</name>
    <message>
        <source>System</source>
        <translation>Sistem</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::AdminTopicEditor</name>
    <message>
        <source>%1 is in the list already.</source>
        <translation>%1 sudah ada dalam daftar.</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::AdminTopicListModel</name>
    <message>
        <source>Every message arrives on its own.</source>
        <translation>Setiap pesan datang sendiri-sendiri.</translation>
    </message>
    <message>
        <source>Repeats with the same group key become one entry, &quot;N new messages&quot;, showing the latest.</source>
        <translation>Pesan berulang dengan kunci grup yang sama menjadi satu entri, &quot;N pesan baru&quot;, yang menampilkan pesan terbaru.</translation>
    </message>
    <message>
        <source>Repeats with the same group key replace the entry with the latest message.</source>
        <translation>Pesan berulang dengan kunci grup yang sama menggantikan entri dengan pesan terbaru.</translation>
    </message>
    <message>
        <source>No grouping</source>
        <translation>Tanpa pengelompokan</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Hitung</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ganti</translation>
    </message>
    <message numerus="yes">
        <source>within %n hour(s)</source>
        <translation>
            <numerusform>dalam %n jam</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>within %n minute(s)</source>
        <translation>
            <numerusform>dalam %n menit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>within %n second(s)</source>
        <translation>
            <numerusform>dalam %n detik</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter *, role:&lt;role&gt; or user:&lt;name&gt;.</source>
        <translation>Masukkan *, role:&lt;peran&gt; atau user:&lt;nama&gt;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a role. Use role:admin, role:publisher or role:user.</source>
        <translation>&quot;%1&quot; bukan peran. Gunakan role:admin, role:publisher, atau role:user.</translation>
    </message>
    <message>
        <source>Name a user after user:, such as user:alice.</source>
        <translation>Sebutkan pengguna setelah user:, misalnya user:alice.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ACL entry. Use *, role:&lt;role&gt; or user:&lt;name&gt;.</source>
        <translation>&quot;%1&quot; bukan entri ACL. Gunakan *, role:&lt;peran&gt; atau user:&lt;nama&gt;.</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Semua orang</translation>
    </message>
    <message>
        <source>Admins</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Publishers</source>
        <translation>Penerbit</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>Role: %1</source>
        <translation>Peran: %1</translation>
    </message>
    <message>
        <source>User %1…</source>
        <translation>Pengguna %1…</translation>
    </message>
    <message>
        <source>Deleted user %1…</source>
        <translation>Pengguna terhapus %1…</translation>
    </message>
    <message>
        <source>A topic name has 1 to 64 letters, digits, _ or -.</source>
        <translation>Nama topik terdiri dari 1 hingga 64 huruf, angka, _ atau -.</translation>
    </message>
    <message>
        <source>An entry is not valid. Use *, role:&lt;role&gt; or user:&lt;name&gt;.</source>
        <translation>Ada entri yang tidak valid. Gunakan *, role:&lt;peran&gt; atau user:&lt;nama&gt;.</translation>
    </message>
    <message numerus="yes">
        <source>A description has at most %n character(s).</source>
        <translation>
            <numerusform>Deskripsi berisi paling banyak %n karakter.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose how messages group.</source>
        <translation>Pilih cara pesan dikelompokkan.</translation>
    </message>
    <message>
        <source>Group messages within 1 to %1 seconds (24 hours).</source>
        <translation>Kelompokkan pesan dalam rentang 1 hingga %1 detik (24 jam).</translation>
    </message>
    <message>
        <source>You are signed out.</source>
        <translation>Anda telah keluar.</translation>
    </message>
    <message>
        <source>No user is called %1.</source>
        <translation>Tidak ada pengguna bernama %1.</translation>
    </message>
    <message>
        <source>Saved the topic %1.</source>
        <translation>Topik %1 disimpan.</translation>
    </message>
    <message>
        <source>Created the topic %1.</source>
        <translation>Topik %1 dibuat.</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::ApiListModel</name>
    <message>
        <source>You are signed out.</source>
        <translation>Anda telah keluar.</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::ApiObject</name>
    <message>
        <source>You are signed out.</source>
        <translation>Anda telah keluar.</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::BroadcastAudience</name>
    <message>
        <source>Administrators</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Publishers</source>
        <translation>Penerbit</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>A topic is 1-64 letters, digits, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>Topik terdiri dari 1-64 huruf, angka, &apos;_&apos; atau &apos;-&apos;.</translation>
    </message>
    <message>
        <source>Choose at least one role.</source>
        <translation>Pilih setidaknya satu peran.</translation>
    </message>
    <message>
        <source>Enter the topic whose subscribers get the broadcast.</source>
        <translation>Masukkan topik yang pelanggannya menerima siaran.</translation>
    </message>
    <message>
        <source>Choose at least one user.</source>
        <translation>Pilih setidaknya satu pengguna.</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>semua orang</translation>
    </message>
    <message>
        <source>the roles %1</source>
        <translation>peran %1</translation>
    </message>
    <message>
        <source>the subscribers of %1</source>
        <translation>pelanggan %1</translation>
    </message>
    <message numerus="yes">
        <source>%n chosen user(s)</source>
        <translation>
            <numerusform>%n pengguna terpilih</numerusform>
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
        <translation>Rendah</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Tinggi</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Mendesak</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>A name is at most 200 characters.</source>
        <translation>Nama berisi paling banyak 200 karakter.</translation>
    </message>
    <message>
        <source>Enter a title.</source>
        <translation>Masukkan judul.</translation>
    </message>
    <message>
        <source>A title is at most %1 characters.</source>
        <translation>Judul berisi paling banyak %1 karakter.</translation>
    </message>
    <message>
        <source>A message is at most %1 characters.</source>
        <translation>Pesan berisi paling banyak %1 karakter.</translation>
    </message>
    <message>
        <source>Enter an http or https address, or leave it empty.</source>
        <translation>Masukkan alamat http atau https, atau biarkan kosong.</translation>
    </message>
    <message>
        <source>Choose a template.</source>
        <translation>Pilih templat.</translation>
    </message>
    <message>
        <source>Check the values of the template&apos;s variables.</source>
        <translation>Periksa nilai variabel templat.</translation>
    </message>
    <message>
        <source>Check the highlighted fields.</source>
        <translation>Periksa kolom yang disorot.</translation>
    </message>
    <message>
        <source>“%1” is scheduled.</source>
        <translation>“%1” telah dijadwalkan.</translation>
    </message>
    <message numerus="yes">
        <source>“%1” was sent to %n user(s).</source>
        <translation>
            <numerusform>“%1” telah dikirim ke %n pengguna.</numerusform>
        </translation>
    </message>
    <message>
        <source>a template</source>
        <translation>sebuah templat</translation>
    </message>
    <message>
        <source>the template “%1”</source>
        <translation>templat “%1”</translation>
    </message>
    <message>
        <source>a message</source>
        <translation>sebuah pesan</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n pengguna</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (leaving out %n user(s))</source>
        <translation>
            <numerusform>%1 (kecuali %n pengguna)</numerusform>
        </translation>
    </message>
    <message>
        <source>their preferred channels</source>
        <translation>kanal pilihan mereka</translation>
    </message>
    <message>
        <source>Send %1 to %2 by %3 %4.</source>
        <translation>Kirim %1 ke %2 melalui %3 %4.</translation>
    </message>
    <message>
        <source>%1 Priority: %2.</source>
        <translation>%1 Prioritas: %2.</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::BroadcastListModel</name>
    <message>
        <source>All broadcasts</source>
        <translation>Semua siaran</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Terjadwal</translation>
    </message>
    <message>
        <source>Recurring</source>
        <translation>Berulang</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Terkirim</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Gagal</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sedang dikirim</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Once, %1</source>
        <translation>Sekali, %1</translation>
    </message>
    <message>
        <source>Sent at once</source>
        <translation>Langsung dikirim</translation>
    </message>
    <message>
        <source>Next %1</source>
        <translation>Berikutnya %1</translation>
    </message>
    <message numerus="yes">
        <source>Ran %n time(s)</source>
        <translation>
            <numerusform>Dijalankan %n kali</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is cancelled.</source>
        <translation>“%1” dibatalkan.</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::BroadcastTiming</name>
    <message>
        <source>Enter a date and time as YYYY-MM-DD HH:MM, such as 2026-05-01 09:00.</source>
        <translation>Masukkan tanggal dan waktu dengan format TTTT-BB-HH JJ:MM, misalnya 2026-05-01 09:00.</translation>
    </message>
    <message>
        <source>This time has already passed in %1.</source>
        <translation>Waktu ini sudah lewat di %1.</translation>
    </message>
    <message>
        <source>Enter a cron expression, such as 0 9 * * MON-FRI.</source>
        <translation>Masukkan ekspresi cron, misalnya 0 9 * * MON-FRI.</translation>
    </message>
    <message>
        <source>This schedule has no run in the next ten years.</source>
        <translation>Jadwal ini tidak akan berjalan sekali pun dalam sepuluh tahun ke depan.</translation>
    </message>
    <message>
        <source>Choose a time zone from the list, such as Europe/Berlin.</source>
        <translation>Pilih zona waktu dari daftar, misalnya Asia/Jakarta.</translation>
    </message>
    <message>
        <source>At most %1 runs; leave the limit off to run without one.</source>
        <translation>Paling banyak %1 kali; kosongkan batas agar berjalan tanpa batas.</translation>
    </message>
    <message>
        <source>now</source>
        <translation>sekarang</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>pada %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2), %n time(s), first on %3</source>
        <translation>
            <numerusform>%1 (%2), %n kali, pertama pada %3</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2), first on %3</source>
        <translation>%1 (%2), pertama pada %3</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::BroadcastVariableModel</name>
    <message>
        <source>%1 is required.</source>
        <translation>%1 wajib diisi.</translation>
    </message>
    <message>
        <source>%1 must be a number.</source>
        <translation>%1 harus berupa angka.</translation>
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
        <translation>%1 dtk</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 mnt</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 jam</translation>
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
        <translation>Masukkan waktu seperti 2026-03-02 14:30.</translation>
    </message>
    <message>
        <source>The start must be before the end.</source>
        <translation>Awal harus sebelum akhir.</translation>
    </message>
    <message>
        <source>Only failed deliveries can be retried.</source>
        <translation>Hanya pengiriman gagal yang dapat diulang.</translation>
    </message>
    <message>
        <source>The delivery is queued again.</source>
        <translation>Pengiriman dimasukkan lagi ke antrean.</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>tertunda</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>sedang dikirim</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>terkirim</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>gagal</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>dilewati</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>dibatalkan</translation>
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
        <translation>Terkirim</translation>
    </message>
    <message>
        <source>Will retry</source>
        <translation>Akan dicoba lagi</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Gagal</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Dilewati</translation>
    </message>
    <message>
        <source>Deferred</source>
        <translation>Ditangguhkan</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Reclaimed after a crash</source>
        <translation>Diambil ulang setelah mogok</translation>
    </message>
    <message>
        <source>Retried by an admin</source>
        <translation>Diulang oleh admin</translation>
    </message>
    <message>
        <source>Clicked</source>
        <translation>Diklik</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::ServerStats</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 hari %2 jam</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 jam %2 mnt</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 mnt</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 dtk</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::TemplateEditor</name>
    <message>
        <source>Default</source>
        <translation>Bawaan</translation>
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
        <translation>Subjek</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Teks</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>Choose a channel.</source>
        <translation>Pilih kanal.</translation>
    </message>
    <message>
        <source>Use a language tag such as de or pt-BR, or leave it empty.</source>
        <translation>Gunakan tag bahasa seperti de atau pt-BR, atau biarkan kosong.</translation>
    </message>
    <message>
        <source>%1 already has its own text.</source>
        <translation>%1 sudah memiliki teks sendiri.</translation>
    </message>
    <message>
        <source>Give the template a name.</source>
        <translation>Beri nama templat.</translation>
    </message>
    <message>
        <source>Use up to 100 letters, digits, _ . or -, starting with a letter or digit.</source>
        <translation>Gunakan hingga 100 huruf, angka, _ . atau -, diawali huruf atau angka.</translation>
    </message>
    <message>
        <source>Use at most 64 characters.</source>
        <translation>Gunakan paling banyak 64 karakter.</translation>
    </message>
    <message>
        <source>Use at most 500 characters.</source>
        <translation>Gunakan paling banyak 500 karakter.</translation>
    </message>
    <message>
        <source>A topic name is 1-64 letters, digits, _ or -.</source>
        <translation>Nama topik terdiri dari 1-64 huruf, angka, _ atau -.</translation>
    </message>
    <message>
        <source>Fix the variables marked in red.</source>
        <translation>Perbaiki variabel yang ditandai merah.</translation>
    </message>
    <message>
        <source>The template was not saved: %1</source>
        <translation>Templat tidak disimpan: %1</translation>
    </message>
    <message>
        <source>Saved “%1” as version %2</source>
        <translation>“%1” disimpan sebagai versi %2</translation>
    </message>
    <message>
        <source>%1 of %2: %3</source>
        <translation>%1 dari %2: %3</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::TemplateListModel</name>
    <message>
        <source>just now</source>
        <translation>baru saja</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n menit yang lalu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n jam yang lalu</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>kemarin</translation>
    </message>
    <message>
        <source>Give the template a name.</source>
        <translation>Beri nama templat.</translation>
    </message>
    <message>
        <source>Use up to 100 letters, digits, _ . or -, starting with a letter or digit.</source>
        <translation>Gunakan hingga 100 huruf, angka, _ . atau -, diawali huruf atau angka.</translation>
    </message>
    <message>
        <source>Template “%1” created</source>
        <translation>Templat “%1” dibuat</translation>
    </message>
    <message>
        <source>Template deleted</source>
        <translation>Templat dihapus</translation>
    </message>
    <message>
        <source>Template “%1” deleted</source>
        <translation>Templat “%1” dihapus</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::TemplateVariablesModel</name>
    <message>
        <source>Give the variable a name.</source>
        <translation>Beri nama variabel.</translation>
    </message>
    <message>
        <source>Use letters, digits and _ only, not starting with a digit.</source>
        <translation>Gunakan hanya huruf, angka, dan _, tidak diawali angka.</translation>
    </message>
    <message>
        <source>“%1” is declared twice.</source>
        <translation>“%1” dideklarasikan dua kali.</translation>
    </message>
    <message>
        <source>The default must be a number.</source>
        <translation>Nilai bawaan harus berupa angka.</translation>
    </message>
    <message>
        <source>The default must be true or false.</source>
        <translation>Nilai bawaan harus true atau false.</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::TemplateVersionsModel</name>
    <message>
        <source>Version %1 restored as version %2</source>
        <translation>Versi %1 dipulihkan sebagai versi %2</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::TokenListModel</name>
    <message>
        <source>Never used</source>
        <translation>Belum pernah dipakai</translation>
    </message>
    <message>
        <source>Never expires</source>
        <translation>Tidak pernah kedaluwarsa</translation>
    </message>
    <message>
        <source>Expired %1</source>
        <translation>Kedaluwarsa sejak %1</translation>
    </message>
    <message>
        <source>Expires %1</source>
        <translation>Kedaluwarsa pada %1</translation>
    </message>
    <message>
        <source>All topics</source>
        <translation>Semua topik</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Terbitkan</translation>
    </message>
    <message>
        <source>Send notifications (as the owner&apos;s role allows)</source>
        <translation>Mengirim notifikasi (sesuai izin peran pemiliknya)</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Baca</translation>
    </message>
    <message>
        <source>Read the owner&apos;s notifications and stream</source>
        <translation>Membaca notifikasi dan aliran milik pemiliknya</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Everything an admin can do, including tokens and users</source>
        <translation>Semua yang dapat dilakukan admin, termasuk token dan pengguna</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Tidak pernah</translation>
    </message>
    <message>
        <source>In 7 days</source>
        <translation>Dalam 7 hari</translation>
    </message>
    <message>
        <source>In 30 days</source>
        <translation>Dalam 30 hari</translation>
    </message>
    <message>
        <source>In 90 days</source>
        <translation>Dalam 90 hari</translation>
    </message>
    <message>
        <source>In a year</source>
        <translation>Dalam setahun</translation>
    </message>
    <message>
        <source>This token no longer exists. Reload the list.</source>
        <translation>Token ini sudah tidak ada. Muat ulang daftar.</translation>
    </message>
    <message numerus="yes">
        <source>Give the token a name of at most %n character(s).</source>
        <translation>
            <numerusform>Beri token nama paling banyak %n karakter.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose at least one scope.</source>
        <translation>Pilih setidaknya satu cakupan.</translation>
    </message>
    <message>
        <source>Topic patterns have 1 to 64 letters, digits, _, -, * or ?.</source>
        <translation>Pola topik terdiri dari 1 hingga 64 huruf, angka, _, -, * atau ?.</translation>
    </message>
    <message>
        <source>Choose an expiry in the future.</source>
        <translation>Pilih waktu kedaluwarsa di masa mendatang.</translation>
    </message>
    <message>
        <source>Created the token %1.</source>
        <translation>Token %1 dibuat.</translation>
    </message>
    <message>
        <source>Revoked the token %1. It no longer works.</source>
        <translation>Token %1 dicabut. Token itu tidak berfungsi lagi.</translation>
    </message>
</context>
<context>
    <name>Tidings::Admin::UserListModel</name>
    <message>
        <source>Reads and manages their own notifications</source>
        <translation>Membaca dan mengelola notifikasinya sendiri</translation>
    </message>
    <message>
        <source>Also sends notifications to users, roles and everyone</source>
        <translation>Juga mengirim notifikasi ke pengguna, peran, dan semua orang</translation>
    </message>
    <message>
        <source>Everything, including this console</source>
        <translation>Semuanya, termasuk konsol ini</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Penerbit</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>Enter a username.</source>
        <translation>Masukkan nama pengguna.</translation>
    </message>
    <message>
        <source>A username has 2 to 64 letters, digits, dots, underscores or hyphens.</source>
        <translation>Nama pengguna terdiri dari 2 hingga 64 huruf, angka, titik, garis bawah, atau tanda hubung.</translation>
    </message>
    <message>
        <source>Enter an email address such as ada@example.org, or leave it empty.</source>
        <translation>Masukkan alamat email seperti ada@example.org, atau biarkan kosong.</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>Pilih peran.</translation>
    </message>
    <message>
        <source>A password has %1 to %2 characters. Leave it empty to have one generated.</source>
        <translation>Kata sandi terdiri dari %1 hingga %2 karakter. Biarkan kosong agar dibuatkan otomatis.</translation>
    </message>
    <message>
        <source>That username is taken. Choose another.</source>
        <translation>Nama pengguna itu sudah dipakai. Pilih yang lain.</translation>
    </message>
    <message>
        <source>You cannot demote or disable your own account. Another admin has to do that.</source>
        <translation>Anda tidak dapat menurunkan peran atau menonaktifkan akun Anda sendiri. Admin lain harus melakukannya.</translation>
    </message>
    <message>
        <source>This user no longer exists. Reload the list.</source>
        <translation>Pengguna ini sudah tidak ada. Muat ulang daftar.</translation>
    </message>
    <message>
        <source>A password has %1 to %2 characters.</source>
        <translation>Kata sandi terdiri dari %1 hingga %2 karakter.</translation>
    </message>
    <message numerus="yes">
        <source>A display name has at most %n character(s).</source>
        <translation>
            <numerusform>Nama tampilan berisi paling banyak %n karakter.</numerusform>
        </translation>
    </message>
    <message>
        <source>Created the account %1.</source>
        <translation>Akun %1 dibuat.</translation>
    </message>
    <message>
        <source>%1 is now: %2.</source>
        <translation>%1 sekarang: %2.</translation>
    </message>
    <message>
        <source>Disabled %1 and signed them out everywhere.</source>
        <translation>%1 dinonaktifkan dan dikeluarkan dari semua perangkat.</translation>
    </message>
    <message>
        <source>Enabled %1.</source>
        <translation>%1 diaktifkan.</translation>
    </message>
    <message>
        <source>Reset the password of %1 and signed them out everywhere.</source>
        <translation>Kata sandi %1 disetel ulang dan ia dikeluarkan dari semua perangkat.</translation>
    </message>
</context>
<context>
    <name>TokenCreateDialog</name>
    <message>
        <source>New API token</source>
        <translation>Token API baru</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>e.g. shop-backend</source>
        <translation>mis. backend-toko</translation>
    </message>
    <message>
        <source>Token name</source>
        <translation>Nama token</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Cakupan</translation>
    </message>
    <message>
        <source>Topics (optional)</source>
        <translation>Topik (opsional)</translation>
    </message>
    <message>
        <source>All topics, or patterns such as orders, deploy-*</source>
        <translation>Semua topik, atau pola seperti pesanan, deploy-*</translation>
    </message>
    <message>
        <source>Topic patterns</source>
        <translation>Pola topik</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Kedaluwarsa</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Masa berlaku</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Create token</source>
        <translation>Buat token</translation>
    </message>
</context>
<context>
    <name>TokenRow</name>
    <message>
        <source>Token %1 of %2, %3</source>
        <translation>Token %1 milik %2, %3</translation>
    </message>
    <message>
        <source>%1 (@%2)</source>
        <translation>%1 (@%2)</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>Dibuat %1</translation>
    </message>
    <message>
        <source>Revoke the token %1</source>
        <translation>Cabut token %1</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Cabut</translation>
    </message>
</context>
<context>
    <name>TokenSecretDialog</name>
    <message>
        <source>Secret</source>
        <translation>Rahasia</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Disalin</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Salin</translation>
    </message>
    <message>
        <source>Copy the %1 to the clipboard</source>
        <translation>Salin %1 ke papan klip</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>Disalin ke papan klip.</translation>
    </message>
    <message>
        <source>Copy it now and keep it somewhere safe. It will not be shown again.</source>
        <translation>Salin sekarang dan simpan di tempat yang aman. Ini tidak akan ditampilkan lagi.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
</context>
<context>
    <name>TopicAclEditor</name>
    <message>
        <source>Remove %1</source>
        <translation>Hapus %1</translation>
    </message>
    <message>
        <source>Nobody but admins</source>
        <translation>Hanya admin</translation>
    </message>
    <message>
        <source>Add to %1</source>
        <translation>Tambahkan ke %1</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Tambah</translation>
    </message>
    <message>
        <source>Add the entry to %1</source>
        <translation>Tambahkan entri ke %1</translation>
    </message>
</context>
<context>
    <name>TopicEditorDialog</name>
    <message>
        <source>New topic</source>
        <translation>Topik baru</translation>
    </message>
    <message>
        <source>Topic %1</source>
        <translation>Topik %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>e.g. orders</source>
        <translation>mis. pesanan</translation>
    </message>
    <message>
        <source>Topic name</source>
        <translation>Nama topik</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Deskripsi</translation>
    </message>
    <message>
        <source>What subscribers get here</source>
        <translation>Apa yang diterima pelanggan di sini</translation>
    </message>
    <message>
        <source>Who may read and subscribe</source>
        <translation>Siapa yang boleh membaca dan berlangganan</translation>
    </message>
    <message>
        <source>*, role:user, user:alice or @alice</source>
        <translation>*, role:user, user:alice atau @alice</translation>
    </message>
    <message>
        <source>Who may publish</source>
        <translation>Siapa yang boleh menerbitkan</translation>
    </message>
    <message>
        <source>role:publisher, user:alice or @alice</source>
        <translation>role:publisher, user:alice atau @alice</translation>
    </message>
    <message>
        <source>Grouping of repeated messages</source>
        <translation>Pengelompokan pesan berulang</translation>
    </message>
    <message>
        <source>Grouping</source>
        <translation>Pengelompokan</translation>
    </message>
    <message>
        <source>Grouping window in seconds</source>
        <translation>Jendela pengelompokan dalam detik</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>detik</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Create topic</source>
        <translation>Buat topik</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
</context>
<context>
    <name>TopicRow</name>
    <message numerus="yes">
        <source>Topic %1, %n subscriber(s)</source>
        <translation>
            <numerusform>Topik %1, %n pelanggan</numerusform>
        </translation>
    </message>
    <message>
        <source>No description</source>
        <translation>Tanpa deskripsi</translation>
    </message>
    <message>
        <source>Admins only</source>
        <translation>Hanya admin</translation>
    </message>
    <message>
        <source>Edit the topic %1</source>
        <translation>Sunting topik %1</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Sunting</translation>
    </message>
</context>
<context>
    <name>TopicsPage</name>
    <message>
        <source>Topics</source>
        <translation>Topik</translation>
    </message>
    <message>
        <source>Who may read and publish, and how messages group</source>
        <translation>Siapa yang boleh membaca dan menerbitkan, serta cara pesan dikelompokkan</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Segarkan</translation>
    </message>
    <message>
        <source>New topic</source>
        <translation>Topik baru</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topik</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Baca</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Terbitkan</translation>
    </message>
    <message>
        <source>Subscribers</source>
        <translation>Pelanggan</translation>
    </message>
    <message>
        <source>Grouping</source>
        <translation>Pengelompokan</translation>
    </message>
    <message>
        <source>No topics yet</source>
        <translation>Belum ada topik</translation>
    </message>
    <message>
        <source>Create one to set who may read and publish it, or publish to a new topic name.</source>
        <translation>Buat topik untuk mengatur siapa yang boleh membaca dan menerbitkannya, atau terbitkan ke nama topik baru.</translation>
    </message>
</context>
<context>
    <name>UserCreateDialog</name>
    <message>
        <source>New user</source>
        <translation>Pengguna baru</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>e.g. ada</source>
        <translation>mis. ada</translation>
    </message>
    <message>
        <source>Display name (optional)</source>
        <translation>Nama tampilan (opsional)</translation>
    </message>
    <message>
        <source>e.g. Ada Lovelace</source>
        <translation>mis. Ada Lovelace</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nama tampilan</translation>
    </message>
    <message>
        <source>Email (optional)</source>
        <translation>Email (opsional)</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Password (optional)</source>
        <translation>Kata sandi (opsional)</translation>
    </message>
    <message>
        <source>Leave empty to generate one</source>
        <translation>Biarkan kosong agar dibuatkan otomatis</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Create user</source>
        <translation>Buat pengguna</translation>
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
        <translation>, nonaktif</translation>
    </message>
    <message>
        <source>@%1 · you</source>
        <translation>@%1 · Anda</translation>
    </message>
    <message>
        <source>No email</source>
        <translation>Tanpa email</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Nonaktif</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Actions for %1</source>
        <translation>Tindakan untuk %1</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Tindakan</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Users and tokens</source>
        <translation>Pengguna dan token</translation>
    </message>
    <message>
        <source>Accounts, roles and API tokens</source>
        <translation>Akun, peran, dan token API</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Pengguna baru</translation>
    </message>
    <message>
        <source>New token</source>
        <translation>Token baru</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>API tokens</source>
        <translation>Token API</translation>
    </message>
    <message>
        <source>Search by name, username or email</source>
        <translation>Cari berdasarkan nama, nama pengguna, atau email</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Memuat</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n pengguna</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>Tampilkan lebih banyak</translation>
    </message>
    <message>
        <source>No users match “%1”</source>
        <translation>Tidak ada pengguna yang cocok dengan “%1”</translation>
    </message>
    <message>
        <source>No users yet</source>
        <translation>Belum ada pengguna</translation>
    </message>
    <message>
        <source>Try part of a name, a username or an email address.</source>
        <translation>Coba sebagian nama, nama pengguna, atau alamat email.</translation>
    </message>
    <message>
        <source>Create accounts for the people who receive notifications.</source>
        <translation>Buat akun untuk orang-orang yang menerima notifikasi.</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Bersihkan pencarian</translation>
    </message>
    <message>
        <source>Integrations publish and read with these. A token acts as its owner; revoking it stops it at once.</source>
        <translation>Integrasi menerbitkan dan membaca dengan token ini. Token bertindak sebagai pemiliknya; mencabutnya langsung menghentikannya.</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n token</numerusform>
        </translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Segarkan</translation>
    </message>
    <message>
        <source>No API tokens</source>
        <translation>Tidak ada token API</translation>
    </message>
    <message>
        <source>Create a token for each integration that publishes notifications or reads them.</source>
        <translation>Buat token untuk setiap integrasi yang menerbitkan atau membaca notifikasi.</translation>
    </message>
    <message>
        <source>Role: %1</source>
        <translation>Peran: %1</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Setel ulang kata sandi…</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Aktifkan</translation>
    </message>
    <message>
        <source>Disable…</source>
        <translation>Nonaktifkan…</translation>
    </message>
    <message>
        <source>Disable %1?</source>
        <translation>Nonaktifkan %1?</translation>
    </message>
    <message>
        <source>%1 is signed out on every device at once and cannot sign in or receive notifications until enabled again. Their inbox and tokens are kept.</source>
        <translation>%1 langsung dikeluarkan dari semua perangkat dan tidak dapat masuk atau menerima notifikasi sampai diaktifkan lagi. Kotak masuk dan tokennya tetap disimpan.</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Nonaktifkan</translation>
    </message>
    <message>
        <source>Reset the password of %1?</source>
        <translation>Setel ulang kata sandi %1?</translation>
    </message>
    <message>
        <source>The current password stops working and %1 is signed out everywhere. A new password is generated and shown to you once.</source>
        <translation>Kata sandi saat ini tidak berlaku lagi dan %1 dikeluarkan dari semua perangkat. Kata sandi baru akan dibuat dan ditampilkan kepada Anda satu kali.</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Setel ulang kata sandi</translation>
    </message>
    <message>
        <source>Revoke the token %1?</source>
        <translation>Cabut token %1?</translation>
    </message>
    <message>
        <source>Integrations using it are refused from now on. This cannot be undone.</source>
        <translation>Integrasi yang memakainya akan ditolak mulai sekarang. Tindakan ini tidak dapat dibatalkan.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Cabut</translation>
    </message>
    <message>
        <source>Password of %1</source>
        <translation>Kata sandi %1</translation>
    </message>
    <message>
        <source>Give this password to %1 over a safe channel. They can sign in with it now.</source>
        <translation>Berikan kata sandi ini kepada %1 melalui saluran yang aman. Ia dapat masuk dengannya sekarang.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>Token %1 created</source>
        <translation>Token %1 dibuat</translation>
    </message>
    <message>
        <source>Use it as a bearer token: Authorization: Bearer &lt;token&gt;.</source>
        <translation>Gunakan sebagai token bearer: Authorization: Bearer &lt;token&gt;.</translation>
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
        <translation>Tidings Admin: konsol untuk server tidingsd.</translation>
    </message>
    <message>
        <source>Sign in to the server at &lt;url&gt; (with --username and --password-file).</source>
        <translation>Masuk ke server di &lt;url&gt; (dengan --username dan --password-file).</translation>
    </message>
    <message>
        <source>Sign in as &lt;name&gt;.</source>
        <translation>Masuk sebagai &lt;name&gt;.</translation>
    </message>
    <message>
        <source>Read the password from the first line of &lt;file&gt;.</source>
        <translation>Baca kata sandi dari baris pertama &lt;file&gt;.</translation>
    </message>
    <message>
        <source>Start with the &lt;light|dark&gt; theme (and keep it).</source>
        <translation>Mulai dengan tema &lt;light|dark&gt; (dan pertahankan).</translation>
    </message>
    <message>
        <source>Show the console in &lt;code&gt; (en, id) and keep it.</source>
        <translation>Tampilkan konsol dalam bahasa &lt;code&gt; (en, id) dan pertahankan.</translation>
    </message>
</context>
</TS>
