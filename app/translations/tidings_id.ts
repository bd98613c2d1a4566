<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id" sourcelanguage="en">
    <context>
        <name>AutostartEntry</name>
        <message>
            <source>Could not remove %1.</source>
            <translation>Tidak dapat menghapus %1.</translation>
        </message>
        <message>
            <source>Could not create the folder %1.</source>
            <translation>Tidak dapat membuat folder %1.</translation>
        </message>
        <message>
            <source>Could not write %1: %2</source>
            <translation>Tidak dapat menulis %1: %2</translation>
        </message>
    </context>
    <context>
        <name>RelativeTime</name>
        <message>
            <source>just now</source>
            <translation>baru saja</translation>
        </message>
        <message numerus="yes">
            <source>%n min ago</source>
            <translation>
                <numerusform>%n menit lalu</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n h ago</source>
            <translation>
                <numerusform>%n jam lalu</numerusform>
            </translation>
        </message>
        <message>
            <source>yesterday</source>
            <translation>kemarin</translation>
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
            <translation>Keluar…</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>Akun</translation>
        </message>
        <message>
            <source>The Tidings server this computer receives notifications from.</source>
            <translation>Server Tidings tempat komputer ini menerima notifikasi.</translation>
        </message>
        <message>
            <source>Server:</source>
            <translation>Server:</translation>
        </message>
        <message>
            <source>Signed in as:</source>
            <translation>Masuk sebagai:</translation>
        </message>
        <message>
            <source>Connection:</source>
            <translation>Koneksi:</translation>
        </message>
        <message>
            <source>Signing out removes this computer's sign-in from the server and the keychain. Notifications stay on the server.</source>
            <translation>Keluar akan menghapus sesi masuk komputer ini dari server dan dari keychain. Notifikasi tetap tersimpan di server.</translation>
        </message>
        <message>
            <source>Connected</source>
            <translation>Terhubung</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Menghubungkan…</translation>
        </message>
        <message>
            <source>Offline, reconnecting…</source>
            <translation>Luring, menghubungkan ulang…</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>Luring</translation>
        </message>
        <message>
            <source>Signed out</source>
            <translation>Sudah keluar</translation>
        </message>
        <message>
            <source>Signed out: %1</source>
            <translation>Sudah keluar: %1</translation>
        </message>
        <message>
            <source>Not signed in</source>
            <translation>Belum masuk</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <comment>display name (username)</comment>
            <translation>%1 (%2)</translation>
        </message>
        <message numerus="yes">
            <source>%n change(s) waiting to be sent</source>
            <translation>
                <numerusform>%n perubahan menunggu dikirim</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Tidings::App::AppController</name>
        <message>
            <source>Tidings on %1</source>
            <translation>Tidings di %1</translation>
        </message>
    </context>
    <context>
        <name>Tidings::App::DigestPage</name>
        <message>
            <source>Send my email notifications as a digest</source>
            <translation>Kirim notifikasi email saya sebagai ringkasan</translation>
        </message>
        <message>
            <source>Digest</source>
            <translation>Ringkasan</translation>
        </message>
        <message>
            <source>Instead of one email per notification, get a single summary. Urgent notifications are always sent at once.</source>
            <translation>Alih-alih satu email per notifikasi, terima satu ringkasan saja. Notifikasi mendesak selalu dikirim saat itu juga.</translation>
        </message>
        <message>
            <source>Every hour</source>
            <translation>Setiap jam</translation>
        </message>
        <message>
            <source>Every day</source>
            <translation>Setiap hari</translation>
        </message>
        <message>
            <source>Every week</source>
            <translation>Setiap minggu</translation>
        </message>
        <message>
            <source>&amp;How often:</source>
            <translation>&amp;Seberapa sering:</translation>
        </message>
        <message>
            <source>&amp;At:</source>
            <translation>&amp;Pukul:</translation>
        </message>
        <message>
            <source>Weekly digests are sent on Mondays, in your quiet hours' time zone.</source>
            <translation>Ringkasan mingguan dikirim setiap Senin, menurut zona waktu jam tenang Anda.</translation>
        </message>
    </context>
    <context>
        <name>Tidings::App::EmptyStateWidget</name>
        <message>
            <source>You're all caught up</source>
            <translation>Semua sudah dibaca</translation>
        </message>
        <message>
            <source>New notifications will show up here.</source>
            <translation>Notifikasi baru akan muncul di sini.</translation>
        </message>
        <message>
            <source>No matching notifications</source>
            <translation>Tidak ada notifikasi yang cocok</translation>
        </message>
        <message>
            <source>Try another topic, or clear the search and filters.</source>
            <translation>Coba topik lain, atau hapus pencarian dan filter.</translation>
        </message>
        <message>
            <source>Not signed in</source>
            <translation>Belum masuk</translation>
        </message>
        <message>
            <source>Sign in from the tray icon to see your notifications.</source>
            <translation>Masuk lewat ikon baki untuk melihat notifikasi Anda.</translation>
        </message>
        <message>
            <source>Loading notifications…</source>
            <translation>Memuat notifikasi…</translation>
        </message>
        <message>
            <source>This only takes a moment.</source>
            <translation>Hanya sebentar.</translation>
        </message>
        <message>
            <source>Clear Filters</source>
            <translation>Hapus Filter</translation>
        </message>
    </context>
    <context>
        <name>Tidings::App::FreedesktopNotifier</name>
        <message>
            <source>Open</source>
            <translation>Buka</translation>
        </message>
        <message numerus="yes">
            <source>%n arrived while you were away</source>
            <translation>
                <numerusform>%n notifikasi masuk selama Anda pergi</numerusform>
            </translation>
        </message>
        <message>
            <source>They are waiting in the notification center.</source>
            <translation>Semuanya menunggu di pusat notifikasi.</translation>
        </message>
        <message>
            <source>Latest: %1</source>
            <translation>Terbaru: %1</translation>
        </message>
    </context>
    <context>
        <name>Tidings::App::GeneralPage</name>
        <message>
            <source>Start Tidings when I log in</source>
            <translation>Jalankan Tidings saat saya masuk ke komputer</translation>
        </message>
        <message>
            <source>The new language is used the next time Tidings starts.</source>
            <translation>Bahasa baru dipakai saat Tidings dijalankan lagi.</translation>
        </message>
        <message>
            <source>General</source>
            <translation>Umum</translation>
        </message>
        <message>
            <source>Startup and language.</source>
            <translation>Saat mulai dan bahasa.</translation>
        </message>
        <message>
            <source>Startup:</source>
            <translation>Saat mulai:</translation>
        </message>
        <message>
            <source>System default</source>
            <translation>Bawaan sistem</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Bahasa</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Bahasa:</translation>
        </message>
    </context>
    <context>
        <name>Tidings::App::MessageBanner</name>
        <message>
            <source>Close</source>
            <translation>Tutup</translation>
        </message>
        <message>
            <source>Close message</source>
            <translation>Tutup pesan</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Pesan</translation>
        </message>
    </context>
    <context>
        <name>Tidings::App::NotificationCenter</name>
        <message>
            <source>Notifications</source>
            <translation>Notifikasi</translation>
        </message>
        <message>
            <source>Notifications — Tidings</source>
            <translation>Notifikasi — Tidings</translation>
        </message>
        <message>
            <source>&amp;Open Link</source>
            <translation>&amp;Buka Tautan</translation>
        </message>
        <message>
            <source>Toggle Read</source>
            <translation>Ubah Status Dibaca</translation>
        </message>
        <message>
            <source>Mark as &amp;Read</source>
            <translation>Tandai &amp;Sudah Dibaca</translation>
        </message>
        <message>
            <source>Mark as &amp;Unread</source>
            <translation>Tandai &amp;Belum Dibaca</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Hapus</translation>
        </message>
        <message>
            <source>&amp;Copy Text</source>
            <translation>&amp;Salin Teks</translation>
        </message>
        <message>
            <source>Mark &amp;All as Read</source>
            <translation>Tandai Se&amp;mua Sudah Dibaca</translation>
        </message>
        <message>
            <source>&amp;Search</source>
            <translation>&amp;Cari</translation>
        </message>
        <message>
            <source>Unread only</source>
            <translation>Belum dibaca saja</translation>
        </message>
        <message>
            <source>Retry Now</source>
            <translation>Coba Lagi</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>Mark as read (R or Space toggles)</source>
            <translation>Tandai sudah dibaca (R atau Spasi untuk mengubah)</translation>
        </message>
        <message>
            <source>Search notifications</source>
            <translation>Cari notifikasi</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>Topik</translation>
        </message>
        <message>
            <source>Show one topic</source>
            <translation>Tampilkan satu topik</translation>
        </message>
        <message>
            <source>Loading older notifications…</source>
            <translation>Memuat notifikasi lama…</translation>
        </message>
        <message>
            <source>Could not load older notifications: %1</source>
            <translation>Tidak dapat memuat notifikasi lama: %1</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <comment>topic name, unread count</comment>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>All topics</source>
            <translation>Semua topik</translation>
        </message>
        <message>
            <source>You have been signed out.</source>
            <translation>Anda telah dikeluarkan.</translation>
        </message>
        <message>
            <source>You have been signed out: %1</source>
            <translation>Anda telah dikeluarkan: %1</translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;You're offline.&lt;/b&gt; %n change(s) will be sent when the connection is back.</source>
            <translation>
                <numerusform>&lt;b&gt;Anda sedang luring.&lt;/b&gt; %n perubahan akan dikirim saat koneksi kembali.</numerusform>
            </translation>
        </message>
        <message>
            <source>&lt;b&gt;You're offline.&lt;/b&gt; New notifications will arrive when the connection is back.</source>
            <translation>&lt;b&gt;Anda sedang luring.&lt;/b&gt; Notifikasi baru akan masuk saat koneksi kembali.</translation>
        </message>
        <message numerus="yes">
            <source>%n notification(s) shown</source>
            <translation>
                <numerusform>%n notifikasi ditampilkan</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n unread</source>
            <translation>
                <numerusform>%n belum dibaca</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Deleted %n notification(s)</source>
            <translation>
                <numerusform>%n notifikasi dihapus</numerusform>
            </translation>
        </message>
        <message>
            <source>Show Only “%1”</source>
            <translation>Tampilkan Hanya “%1”</translation>
        </message>
    </context>
    <context>
        <name>Tidings::App::NotificationDelegate</name>
        <message>
            <source>Unread</source>
            <translation>Belum dibaca</translation>
        </message>
        <message>
            <source>Urgent</source>
            <translation>Mendesak</translation>
        </message>
        <message>
            <source>High priority</source>
            <translation>Prioritas tinggi</translation>
        </message>
        <message>
            <source>in %1</source>
            <translation>di %1</translation>
        </message>
        <message>
            <source>Direct</source>
            <translation>Langsung</translation>
        </message>
        <message>
            <source>High</source>
            <translation>Tinggi</translation>
        </message>
        <message>
            <source>Waiting to sync</source>
            <translation>Menunggu sinkronisasi</translation>
        </message>
        <message>
            <source>From %1</source>
            <translation>Dari %1</translation>
        </message>
    </context>
    <context>
        <name>Tidings::App::PreferencesDialog</name>
        <message>
            <source>Preferences — Tidings</source>
            <translation>Preferensi — Tidings</translation>
        </message>
        <message>
            <source>Preference pages</source>
            <translation>Halaman preferensi</translation>
        </message>
        <message>
            <source>Could not load your server preferences. %1</source>
            <translation>Tidak dapat memuat preferensi server Anda. %1</translation>
        </message>
        <message>
            <source>Server preferences are unavailable while offline.</source>
            <translation>Preferensi server tidak tersedia saat luring.</translation>
        </message>
        <message>
            <source>Will be saved when you're back online.</source>
            <translation>Akan disimpan saat Anda kembali daring.</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Menyimpan…</translation>
        </message>
        <message>
            <source>All changes saved.</source>
            <translation>Semua perubahan tersimpan.</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Tutup</translation>
        </message>
    </context>
    <context>
        <name>Tidings::App::QuietHoursPage</name>
        <message>
            <source>Hold back notifications during quiet hours</source>
            <translation>Tahan notifikasi selama jam tenang</translation>
        </message>
        <message>
            <source>Let urgent notifications through</source>
            <translation>Tetap teruskan notifikasi mendesak</translation>
        </message>
        <message>
            <source>Quiet Hours</source>
            <translation>Jam Tenang</translation>
        </message>
        <message>
            <source>During quiet hours the server holds back email and push notifications, and this computer shows no pop-ups. Everything still arrives in the notification center.</source>
            <translation>Selama jam tenang, server menahan notifikasi email dan push, dan komputer ini tidak menampilkan pop-up. Semuanya tetap masuk ke pusat notifikasi.</translation>
        </message>
        <message>
            <source>to</source>
            <translation>sampai</translation>
        </message>
        <message>
            <source>&amp;From:</source>
            <translation>&amp;Dari:</translation>
        </message>
        <message>
            <source>Quiet hours start</source>
            <translation>Awal jam tenang</translation>
        </message>
        <message>
            <source>Quiet hours end</source>
            <translation>Akhir jam tenang</translation>
        </message>
        <message>
            <source>On:</source>
            <translation>Pada:</translation>
        </message>
        <message>
            <source>&amp;Time zone:</source>
            <translation>&amp;Zona waktu:</translation>
        </message>
        <message>
            <source>Use This Computer's</source>
            <translation>Pakai Zona Komputer Ini</translation>
        </message>
        <message>
            <source>Use %1</source>
            <translation>Pakai %1</translation>
        </message>
    </context>
    <context>
        <name>Tidings::App::ServerPreferences</name>
        <message>
            <source>The server could not be reached. %1</source>
            <translation>Server tidak dapat dihubungi. %1</translation>
        </message>
        <message>
            <source>The server did not accept the change: %1</source>
            <translation>Server menolak perubahan: %1</translation>
        </message>
        <message>
            <source>The server did not accept %1: %2</source>
            <translation>Server menolak perubahan pada %1: %2</translation>
        </message>
        <message>
            <source>the start of quiet hours</source>
            <translation>awal jam tenang</translation>
        </message>
        <message>
            <source>the end of quiet hours</source>
            <translation>akhir jam tenang</translation>
        </message>
        <message>
            <source>the time zone</source>
            <translation>zona waktu</translation>
        </message>
        <message>
            <source>the days of quiet hours</source>
            <translation>hari-hari jam tenang</translation>
        </message>
        <message>
            <source>quiet hours</source>
            <translation>jam tenang</translation>
        </message>
        <message>
            <source>the digest time</source>
            <translation>waktu ringkasan</translation>
        </message>
        <message>
            <source>the digest frequency</source>
            <translation>frekuensi ringkasan</translation>
        </message>
        <message>
            <source>the digest</source>
            <translation>ringkasan</translation>
        </message>
        <message>
            <source>the topic settings</source>
            <translation>pengaturan topik</translation>
        </message>
    </context>
    <context>
        <name>Tidings::App::SignInDialog</name>
        <message>
            <source>Sign in to Tidings</source>
            <translation>Masuk ke Tidings</translation>
        </message>
        <message>
            <source>Use the account your team's Tidings server gave you.</source>
            <translation>Gunakan akun dari server Tidings tim Anda.</translation>
        </message>
        <message>
            <source>Server address</source>
            <translation>Alamat server</translation>
        </message>
        <message>
            <source>&amp;Server:</source>
            <translation>&amp;Server:</translation>
        </message>
        <message>
            <source>Username</source>
            <translation>Nama pengguna</translation>
        </message>
        <message>
            <source>&amp;Username:</source>
            <translation>&amp;Nama pengguna:</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Kata sandi</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Kata sandi:</translation>
        </message>
        <message>
            <source>Sign-in error</source>
            <translation>Kesalahan saat masuk</translation>
        </message>
        <message>
            <source>Signing in</source>
            <translation>Sedang masuk</translation>
        </message>
        <message>
            <source>&amp;Sign In</source>
            <translation>&amp;Masuk</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Keluar dari Aplikasi</translation>
        </message>
        <message>
            <source>Signing in…</source>
            <translation>Sedang masuk…</translation>
        </message>
        <message>
            <source>The username or password is not right.</source>
            <translation>Nama pengguna atau kata sandi salah.</translation>
        </message>
        <message>
            <source>This account may not sign in: %1</source>
            <translation>Akun ini tidak boleh masuk: %1</translation>
        </message>
        <message>
            <source>Too many attempts. Wait a minute, then try again.</source>
            <translation>Terlalu banyak percobaan. Tunggu sebentar, lalu coba lagi.</translation>
        </message>
        <message>
            <source>Could not reach %1. Check the address and your connection.
(%2)</source>
            <translation>Tidak dapat menghubungi %1. Periksa alamat dan koneksi Anda.
(%2)</translation>
        </message>
        <message>
            <source>the server</source>
            <translation>server</translation>
        </message>
        <message>
            <source>%1 did not answer like a Tidings server. Check the address.</source>
            <translation>%1 tidak menjawab seperti server Tidings. Periksa alamatnya.</translation>
        </message>
        <message>
            <source>The server</source>
            <translation>Server</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>Signing in failed (%1).</source>
            <translation>Gagal masuk (%1).</translation>
        </message>
        <message>
            <source>Enter the server's address, like https://tidings.example.com.</source>
            <translation>Masukkan alamat server, misalnya https://tidings.example.com.</translation>
        </message>
    </context>
    <context>
        <name>Tidings::App::ToastWindow</name>
        <message numerus="yes">
            <source>%n new notifications</source>
            <translation>
                <numerusform>%n notifikasi baru</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n new in %1</source>
            <translation>
                <numerusform>%n baru di %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n arrived while you were away</source>
            <translation>
                <numerusform>%n notifikasi masuk selama Anda pergi</numerusform>
            </translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Tutup</translation>
        </message>
        <message>
            <source>Latest: %1</source>
            <translation>Terbaru: %1</translation>
        </message>
        <message>
            <source>They are waiting in the notification center.</source>
            <translation>Semuanya menunggu di pusat notifikasi.</translation>
        </message>
        <message>
            <source>Urgent</source>
            <translation>Mendesak</translation>
        </message>
        <message>
            <source>High priority</source>
            <translation>Prioritas tinggi</translation>
        </message>
    </context>
    <context>
        <name>Tidings::App::ToastsPage</name>
        <message>
            <source>Tidings pop-ups</source>
            <translation>Pop-up Tidings</translation>
        </message>
        <message>
            <source>The desktop's notifications</source>
            <translation>Notifikasi bawaan desktop</translation>
        </message>
        <message>
            <source>Play a sound</source>
            <translation>Putar suara</translation>
        </message>
        <message>
            <source>Reduce motion (no sliding or fading)</source>
            <translation>Kurangi animasi (tanpa geser atau pudar)</translation>
        </message>
        <message>
            <source>Pop-ups</source>
            <translation>Pop-up</translation>
        </message>
        <message>
            <source>How new notifications appear on this computer.</source>
            <translation>Cara notifikasi baru muncul di komputer ini.</translation>
        </message>
        <message>
            <source>Stacked in a corner, with actions and a summary for bursts.</source>
            <translation>Bertumpuk di satu sudut, dengan tombol aksi dan ringkasan saat banyak masuk.</translation>
        </message>
        <message>
            <source>Shown by Plasma, GNOME Shell or your notification daemon.</source>
            <translation>Ditampilkan oleh Plasma, GNOME Shell, atau daemon notifikasi Anda.</translation>
        </message>
        <message>
            <source>Show with:</source>
            <translation>Tampilkan dengan:</translation>
        </message>
        <message>
            <source>Top left</source>
            <translation>Kiri atas</translation>
        </message>
        <message>
            <source>Top right</source>
            <translation>Kanan atas</translation>
        </message>
        <message>
            <source>Bottom left</source>
            <translation>Kiri bawah</translation>
        </message>
        <message>
            <source>Bottom right</source>
            <translation>Kanan bawah</translation>
        </message>
        <message>
            <source>&amp;Position:</source>
            <translation>&amp;Posisi:</translation>
        </message>
        <message>
            <source>Low</source>
            <translation>Rendah</translation>
        </message>
        <message>
            <source>Normal</source>
            <translation>Normal</translation>
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
            <source> s</source>
            <comment>seconds</comment>
            <translation> dtk</translation>
        </message>
        <message>
            <source>Until dismissed</source>
            <translation>Sampai ditutup</translation>
        </message>
        <message>
            <source>How long %1 priority pop-ups stay</source>
            <translation>Berapa lama pop-up prioritas %1 tampil</translation>
        </message>
        <message>
            <source>Stay on screen:</source>
            <translation>Tampil selama:</translation>
        </message>
    </context>
    <context>
        <name>Tidings::App::TopicsPage</name>
        <message>
            <source>Topics</source>
            <translation>Topik</translation>
        </message>
        <message>
            <source>Subscribe to the topics you want to hear about, and choose how each one reaches you. Topics without their own choice follow the defaults.</source>
            <translation>Berlangganan topik yang ingin Anda ikuti, lalu pilih cara setiap topik sampai kepada Anda. Topik tanpa pilihan sendiri mengikuti setelan bawaan.</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>Topik</translation>
        </message>
        <message>
            <source>Subscribed</source>
            <translation>Berlangganan</translation>
        </message>
        <message>
            <source>In app</source>
            <translation>Di aplikasi</translation>
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
            <translation>Topik dan saluran</translation>
        </message>
        <message>
            <source>Shown in this app's notification center</source>
            <translation>Ditampilkan di pusat notifikasi aplikasi ini</translation>
        </message>
        <message>
            <source>Shown as a pop-up on your desktop</source>
            <translation>Ditampilkan sebagai pop-up di desktop Anda</translation>
        </message>
        <message>
            <source>Sent to your email address</source>
            <translation>Dikirim ke alamat email Anda</translation>
        </message>
        <message>
            <source>Sent to your phone or browser</source>
            <translation>Dikirim ke ponsel atau peramban Anda</translation>
        </message>
        <message>
            <source>Press Space to switch the focused cell; use the arrow keys to move.</source>
            <translation>Tekan Spasi untuk mengubah sel yang dipilih; gunakan tombol panah untuk berpindah.</translation>
        </message>
        <message>
            <source>Subscribed to %1</source>
            <translation>Berlangganan %1</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Defaults for all topics</source>
            <translation>Bawaan untuk semua topik</translation>
        </message>
        <message>
            <source>Used by every topic that has no choice of its own</source>
            <translation>Dipakai oleh setiap topik yang tidak punya pilihan sendiri</translation>
        </message>
    </context>
    <context>
        <name>Tidings::App::TrayIcon</name>
        <message>
            <source>&amp;Open notification center</source>
            <translation>&amp;Buka pusat notifikasi</translation>
        </message>
        <message>
            <source>&amp;Do not disturb</source>
            <translation>&amp;Jangan ganggu</translation>
        </message>
        <message>
            <source>O&amp;ff</source>
            <translation>&amp;Mati</translation>
        </message>
        <message>
            <source>For &amp;1 hour</source>
            <translation>Selama &amp;1 jam</translation>
        </message>
        <message>
            <source>Until &amp;tomorrow morning</source>
            <translation>Sampai &amp;besok pagi</translation>
        </message>
        <message>
            <source>Until turned &amp;off</source>
            <translation>Sampai &amp;dimatikan</translation>
        </message>
        <message>
            <source>&amp;Mark all as read</source>
            <translation>Tandai se&amp;mua sudah dibaca</translation>
        </message>
        <message>
            <source>&amp;Preferences…</source>
            <translation>&amp;Preferensi…</translation>
        </message>
        <message>
            <source>&amp;Sign out</source>
            <translation>&amp;Keluar</translation>
        </message>
        <message>
            <source>&amp;Sign in…</source>
            <translation>&amp;Masuk…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Keluar dari Aplikasi</translation>
        </message>
        <message>
            <source>Offline, reconnecting</source>
            <translation>Luring, menghubungkan ulang</translation>
        </message>
        <message>
            <source>Signed out</source>
            <translation>Sudah keluar</translation>
        </message>
        <message>
            <source>Tidings: no unread notifications</source>
            <translation>Tidings: tidak ada notifikasi belum dibaca</translation>
        </message>
        <message numerus="yes">
            <source>Tidings: %n unread</source>
            <translation>
                <numerusform>Tidings: %n belum dibaca</numerusform>
            </translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Direct</source>
            <translation>Langsung</translation>
        </message>
        <message>
            <source>Do not disturb is on</source>
            <translation>Jangan ganggu aktif</translation>
        </message>
        <message>
            <source>Do not disturb until %1</source>
            <translation>Jangan ganggu sampai %1</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>Tidings: notifications for your team, in the tray.</source>
            <translation>Tidings: notifikasi untuk tim Anda, di baki sistem.</translation>
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
            <source>Start in the tray without opening a window.</source>
            <translation>Mulai di baki tanpa membuka jendela.</translation>
        </message>
        <message>
            <source>Forget the notifications kept on this computer before starting.</source>
            <translation>Lupakan notifikasi yang tersimpan di komputer ini sebelum mulai.</translation>
        </message>
    </context>
</TS>
