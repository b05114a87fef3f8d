// doctest's main for the whole suite; ctest runs it twice (unit, integration).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
