#include "ChildWorker.h"

#include "BenchOptions.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace Tidings::Bench {

ChildWorker::ChildWorker(const BenchOptions &options, int index, int count, const QString &sampleDir, QObject *parent)
    : WorkerHandle(parent)
    , m_index(index)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TIDINGS_ADMIN_PASSWORD"), options.adminPassword);
    m_process.setProcessEnvironment(env);
    m_process.setProgram(QCoreApplication::applicationFilePath());
    m_process.setArguments(options.workerArguments(index, count, sampleDir));
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &ChildWorker::onOutput);
    connect(&m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        if (!m_stopping)
            Q_EMIT lost(QStringLiteral("worker %1 exited (%2, code %3)")
                            .arg(m_index)
                            .arg(status == QProcess::NormalExit ? QStringLiteral("normal") : QStringLiteral("crash"))
                            .arg(exitCode));
    });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            Q_EMIT lost(QStringLiteral("worker %1 failed to start: %2").arg(m_index).arg(m_process.errorString()));
    });
    m_process.start();
}

ChildWorker::~ChildWorker()
{
    stop();
}

void ChildWorker::start(const QString &phase, const QJsonObject &args)
{
    const QJsonObject command {{QStringLiteral("phase"), phase}, {QStringLiteral("args"), args}};
    m_process.write(QJsonDocument(command).toJson(QJsonDocument::Compact) + '\n');
}

void ChildWorker::stop()
{
    if (m_stopping || m_process.state() == QProcess::NotRunning)
        return;
    m_stopping = true;
    // Closing stdin is the quit signal; give it a moment to close its sockets.
    m_process.closeWriteChannel();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(1000);
    }
}

void ChildWorker::onOutput()
{
    m_buffer += m_process.readAllStandardOutput();
    for (;;) {
        const qsizetype eol = m_buffer.indexOf('\n');
        if (eol < 0)
            return;
        const QByteArray line = m_buffer.left(eol);
        m_buffer.remove(0, eol + 1);
        QJsonParseError error {};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            Q_EMIT lost(QStringLiteral("worker %1 wrote something that is not a result: %2")
                            .arg(m_index)
                            .arg(QString::fromUtf8(line.left(200))));
            continue;
        }
        Q_EMIT finished(doc.object());
    }
}

} // namespace Tidings::Bench
