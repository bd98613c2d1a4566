#pragma once

#include "util/EpollEventDispatcher.h"

#include <QCoreApplication>
#include <QtTest>

// Like QTEST_GUILESS_MAIN, but with TIDINGS_EVENT_DISPATCHER=epoll the test runs on
// the epoll dispatcher that tidingsd uses in production (CTest runs the stream tests
// both ways).
#define TIDINGS_TEST_MAIN(TestObject)                                                                                  \
    int main(int argc, char *argv[])                                                                                   \
    {                                                                                                                  \
        if (qEnvironmentVariable("TIDINGS_EVENT_DISPATCHER") == QLatin1String("epoll"))                                \
            Tidings::EpollEventDispatcher::installForMainThread();                                                     \
        QCoreApplication app(argc, argv);                                                                              \
        TestObject tc;                                                                                                 \
        QTEST_SET_MAIN_SOURCE_PATH                                                                                     \
        return QTest::qExec(&tc, argc, argv);                                                                          \
    }
