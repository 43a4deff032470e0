#include "Logging.h"

Q_LOGGING_CATEGORY(lcLibvirt, "balloonscope.libvirt", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMonitor, "balloonscope.monitor", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHistory, "balloonscope.history", QtInfoMsg)
Q_LOGGING_CATEGORY(lcBalloon, "balloonscope.balloon", QtInfoMsg)
Q_LOGGING_CATEGORY(lcReadiness, "balloonscope.readiness", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHost, "balloonscope.host", QtInfoMsg)
Q_LOGGING_CATEGORY(lcReport, "balloonscope.report", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAutopilot, "balloonscope.autopilot", QtInfoMsg)
