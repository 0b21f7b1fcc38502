#include <doctest.h>

#include <algorithm>
#include <memory>
#include <numeric>
#include <span>
#include <string>
#include <vector>

#include "core/compact_list.h"

using namespace meridian;

TEST_CASE("a compact list is one pointer and allocates nothing while empty") {
    static_assert(sizeof(CompactList<std::string>) == sizeof(void*));
    CompactList<int> empty;
    CHECK(empty.empty());
    CHECK(empty.size() == 0);
    CHECK(empty.capacity() == 0);
    CHECK(empty.data() == nullptr);
    CHECK(empty.begin() == empty.end());
    CHECK(empty == CompactList<int>{});
    int visited = 0;
    for (int x : empty) visited += x + 1;
    CHECK(visited == 0);
}

TEST_CASE("a compact list grows like a vector and keeps its elements in order") {
    CompactList<std::string> list;
    std::vector<std::string> expected;
    for (int i = 0; i < 100; ++i) {
        // Long strings: a move that lost one would show.
        const std::string s = "element number " + std::to_string(i) + " of a list that grows";
        if (i % 2)
            list.push_back(s);
        else
            CHECK(list.emplace_back(s) == s);
        expected.push_back(s);
        CHECK(list.size() == expected.size());
        CHECK(list.capacity() >= list.size());
        CHECK(list.back() == s);
    }
    CHECK(list == expected);
    CHECK(list.front() == expected.front());
    CHECK(list[37] == expected[37]);
    CHECK(std::equal(list.begin(), list.end(), expected.begin(), expected.end()));
    CHECK(list.toVector() == expected);
    // The first element costs one element's room, as a vector's does.
    CompactList<int> one;
    one.push_back(7);
    CHECK(one.capacity() == 1);
}

TEST_CASE("an element of the list itself can be appended while the list grows") {
    CompactList<std::string> list{"a string long enough to live on the heap, not in the object"};
    for (int i = 0; i < 6; ++i) list.push_back(list[0]);
    CHECK(list.size() == 7);
    for (const std::string& s : list) CHECK(s == list[0]);
}

TEST_CASE("copies are deep, moves take the block and leave an empty list") {
    CompactList<std::string> a{"one", "two", "three"};
    CompactList<std::string> b = a;
    CHECK(b == a);
    CHECK(b.data() != a.data());
    b[0] = "changed";
    CHECK(a[0] == "one");
    CHECK_FALSE(b == a);

    const std::string* block = a.data();
    CompactList<std::string> c = std::move(a);
    CHECK(c.data() == block);
    CHECK(a.empty());  // NOLINT(bugprone-use-after-move): the contract is checked
    CHECK(a.data() == nullptr);

    a = c;  // the moved-from list is usable
    CHECK(a == c);
    c = std::move(b);
    CHECK(c[0] == "changed");
    const CompactList<std::string>& same = c;
    c = same;  // self-assignment keeps the elements
    CHECK(c.size() == 3);
    swap(a, c);
    CHECK(a[0] == "changed");
    CHECK(c[0] == "one");
}

TEST_CASE("a compact list is built from a vector, an initializer list or a range") {
    const std::vector<unsigned> v{4, 8, 15, 16, 23, 42};
    const CompactList<unsigned> fromVector = v;
    CHECK(fromVector == v);
    CompactList<unsigned> fromRange(v.begin() + 1, v.end() - 1);
    CHECK(fromRange == CompactList<unsigned>{8, 15, 16, 23});
    fromRange = {1, 2};
    CHECK(fromRange == std::vector<unsigned>{1, 2});
    // It is a contiguous range: a span sees the same elements.
    const std::span<const unsigned> span = fromVector;
    CHECK(span.size() == 6);
    CHECK(span[5] == 42);
    CHECK(std::accumulate(fromVector.begin(), fromVector.end(), 0u) == 108u);
}

TEST_CASE("erase, insert, resize, clear and reserve behave as a vector's") {
    CompactList<int> list{1, 2, 3, 4, 5, 2};
    CHECK(erase(list, 2) == 2);
    CHECK(list == std::vector<int>{1, 3, 4, 5});
    CHECK(erase_if(list, [](int x) { return x > 3; }) == 2);
    CHECK(list == std::vector<int>{1, 3});
    CHECK(*list.insert(list.begin() + 1, 2) == 2);
    list.insert(list.end(), 4);
    list.insert(list.begin(), 0);
    CHECK(list == std::vector<int>{0, 1, 2, 3, 4});
    CHECK(*list.erase(list.begin() + 1) == 2);
    const int* const afterErased = list.erase(list.begin() + 2, list.end());
    CHECK(afterErased == list.end());
    CHECK(list == std::vector<int>{0, 2});
    list.resize(4);
    CHECK(list == std::vector<int>{0, 2, 0, 0});
    list.resize(1);
    CHECK(list == std::vector<int>{0});
    list.pop_back();
    CHECK(list.empty());

    CompactList<int> reserved;
    reserved.reserve(10);
    CHECK(reserved.capacity() == 10);
    CHECK(reserved.empty());
    const int* block = reserved.data();
    for (int i = 0; i < 10; ++i) reserved.push_back(i);
    CHECK(reserved.data() == block);  // no reallocation within the capacity
    reserved.clear();
    CHECK(reserved.empty());
    CHECK(reserved.capacity() == 10);
    reserved.shrink_to_fit();
    CHECK(reserved.data() == nullptr);
}

TEST_CASE("a compact list destroys each element exactly once") {
    auto counter = std::make_shared<int>(0);
    {
        CompactList<std::shared_ptr<int>> list;
        for (int i = 0; i < 20; ++i) list.push_back(counter);
        CHECK(counter.use_count() == 21);
        CompactList<std::shared_ptr<int>> copy = list;
        CHECK(counter.use_count() == 41);
        copy.erase(copy.begin(), copy.begin() + 5);
        CHECK(counter.use_count() == 36);
        copy.clear();
        CHECK(counter.use_count() == 21);
        list.resize(3);
        CHECK(counter.use_count() == 4);
    }
    CHECK(counter.use_count() == 1);
}
