#include <doctest.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

#include "io/parse_decimal.h"

using meridian::io::DecimalParse;
using meridian::io::DecimalStatus;
using meridian::io::parseDecimal;

// Parses the text in place (end pointers point into it).
static DecimalParse parse(const std::string& s) {
    return parseDecimal(s.data(), s.data() + s.size());
}
static DecimalParse parse(const char* s) {
    return parseDecimal(s, s + std::strlen(s));
}

// The same double, bit for bit (tells -0 from +0).
static bool sameBits(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

TEST_CASE("decimal numbers are correctly rounded, the same double as strtod") {
    // Halfway and near-halfway cases, the largest and smallest doubles, subnormals,
    // integers past 2^53 and long significands (fast paths and slow paths alike).
    const char* const cases[] = {"0",
                                 "-0",
                                 "0.1",
                                 "-1.5",
                                 "2e3",
                                 "1e23",
                                 "8.98846567431158e307",
                                 "1.7976931348623157e308",
                                 "2.2250738585072011e-308",
                                 "2.2250738585072014e-308",
                                 "4.9406564584124654e-324",
                                 "5e-324",
                                 "9007199254740993",
                                 "9007199254740992.5",
                                 "0.30000000000000004441",
                                 "123456789012345678901234567890e-20",
                                 "3.141592653589793238462643383279502884197169399375105820974944",
                                 "7.2057594037927933e16",
                                 "1.00000000000000011102230246251565404236316680908203125",
                                 "1.00000000000000011102230246251565404236316680908203124",
                                 ".5",
                                 "1.",
                                 "100E-2"};
    for (const char* c : cases) {
        const DecimalParse r = parse(c);
        CHECK_MESSAGE(r.status == DecimalStatus::Ok, c);
        CHECK_MESSAGE(r.end == std::strchr(c, 0), c);
        CHECK_MESSAGE(sameBits(r.value, std::strtod(c, nullptr)), c);
    }
}

TEST_CASE("random decimal numbers agree with strtod") {
    std::mt19937_64 rng(16);
    std::uniform_int_distribution<int> digit(0, 9), length(1, 25), exponent(-340, 330), coin(0, 1);
    for (int i = 0; i < 20000; ++i) {
        std::string s = coin(rng) ? "-" : "";
        const int n = length(rng);
        const int point = std::uniform_int_distribution<int>(0, n)(rng);
        for (int k = 0; k < n; ++k) {
            if (k == point && k > 0) s += '.';
            s += static_cast<char>('0' + digit(rng));
        }
        if (coin(rng)) s += "e" + std::to_string(exponent(rng));
        const DecimalParse r = parse(s);
        REQUIRE_MESSAGE(r.status != DecimalStatus::Invalid, s);
        REQUIRE_MESSAGE(r.end == s.data() + s.size(), s);
        REQUIRE_MESSAGE(sameBits(r.value, std::strtod(s.c_str(), nullptr)), s);
    }
}

TEST_CASE("out of range numbers are flagged and keep strtod's infinity or zero") {
    DecimalParse r = parse("1e999");
    CHECK(r.status == DecimalStatus::OutOfRange);
    CHECK(r.value == HUGE_VAL);
    r = parse("-1.8e308");
    CHECK(r.status == DecimalStatus::OutOfRange);
    CHECK(r.value == -HUGE_VAL);
    r = parse("1e-400");
    CHECK(r.status == DecimalStatus::OutOfRange);
    CHECK(sameBits(r.value, 0.0));
    r = parse("-2e-999");
    CHECK(r.status == DecimalStatus::OutOfRange);
    CHECK(sameBits(r.value, -0.0));
    // An exact zero with a huge exponent is zero, not an underflow.
    r = parse("0.000e-999");
    CHECK(r.status == DecimalStatus::Ok);
    CHECK(sameBits(r.value, 0.0));
    // A written infinity is not out of range (std::from_chars reads it too).
    r = parse("inf");
    CHECK(r.status == DecimalStatus::Ok);
    CHECK(r.value == HUGE_VAL);
}

TEST_CASE("the number ends where its syntax ends; no number is Invalid") {
    const std::string s = "12.5e3x";
    DecimalParse r = parse(s);
    CHECK(r.status == DecimalStatus::Ok);
    CHECK(r.value == 12500.0);
    CHECK(r.end == s.data() + 6);
    for (const char* bad : {"", "x1", "+1", " 1", "e5", "-", "."}) {
        r = parse(bad);
        CHECK_MESSAGE(r.status == DecimalStatus::Invalid, bad);
        CHECK_MESSAGE(r.end == bad, bad);
    }
}
