#include "DemoLogging.h"

Q_LOGGING_CATEGORY(lcDemo, "balloonscope.demo", QtInfoMsg)
