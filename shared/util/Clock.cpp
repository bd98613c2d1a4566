#include "util/Clock.h"

namespace Tidings {

Clock &Clock::system()
{
    static SystemClock clock;
    return clock;
}

} // namespace Tidings
