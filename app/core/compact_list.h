// A list the size of one pointer, for members that are usually empty.
//
// std::vector is three pointers (24 bytes) even when empty; an Event has seven
// lists, most of them empty, and a million events pay for each one 24 MB.
// CompactList<T> is a single pointer to one heap block holding its size, its
// capacity and then the elements; an empty list (never filled, or moved from)
// is a null pointer and allocates nothing. It offers the part of std::vector's
// interface the app uses (contiguous elements, so std::span and the <algorithm>
// functions take it); iterators are plain pointers, invalidated as a vector's are.
#pragma once

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <limits>
#include <memory>
#include <new>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <vector>

namespace meridian {

template <typename T>
class CompactList {
public:
    using value_type = T;
    using size_type = std::size_t;
    using difference_type = std::ptrdiff_t;
    using reference = T&;
    using const_reference = const T&;
    using pointer = T*;
    using const_pointer = const T*;
    using iterator = T*;
    using const_iterator = const T*;

    CompactList() noexcept = default;
    CompactList(std::initializer_list<T> items) { assign(items.begin(), items.end()); }
    // From a vector, so code that builds a std::vector can hand it over.
    CompactList(const std::vector<T>& items) { assign(items.begin(), items.end()); }  // NOLINT: implicit on purpose
    template <typename It, typename = typename std::iterator_traits<It>::iterator_category>
    CompactList(It first, It last) {
        assign(first, last);
    }
    CompactList(const CompactList& other) { assign(other.begin(), other.end()); }
    CompactList(CompactList&& other) noexcept : m_block(std::exchange(other.m_block, nullptr)) {}
    CompactList& operator=(const CompactList& other) {
        if (this != &other) assign(other.begin(), other.end());
        return *this;
    }
    CompactList& operator=(CompactList&& other) noexcept {
        if (this != &other) {
            destroy();
            m_block = std::exchange(other.m_block, nullptr);
        }
        return *this;
    }
    CompactList& operator=(std::initializer_list<T> items) {
        assign(items.begin(), items.end());
        return *this;
    }
    ~CompactList() { destroy(); }

    size_type size() const noexcept { return m_block ? header()->size : 0; }
    size_type capacity() const noexcept { return m_block ? header()->capacity : 0; }
    bool empty() const noexcept { return size() == 0; }
    static constexpr size_type max_size() noexcept { return std::numeric_limits<std::uint32_t>::max(); }

    T* data() noexcept { return m_block ? elements() : nullptr; }
    const T* data() const noexcept { return m_block ? elements() : nullptr; }
    iterator begin() noexcept { return data(); }
    iterator end() noexcept { return data() + size(); }
    const_iterator begin() const noexcept { return data(); }
    const_iterator end() const noexcept { return data() + size(); }
    const_iterator cbegin() const noexcept { return begin(); }
    const_iterator cend() const noexcept { return end(); }

    T& operator[](size_type i) noexcept {
        assert(i < size());
        return elements()[i];
    }
    const T& operator[](size_type i) const noexcept {
        assert(i < size());
        return elements()[i];
    }
    T& at(size_type i) {
        if (i >= size()) throw std::out_of_range("CompactList::at");
        return elements()[i];
    }
    const T& at(size_type i) const {
        if (i >= size()) throw std::out_of_range("CompactList::at");
        return elements()[i];
    }
    T& front() noexcept { return (*this)[0]; }
    const T& front() const noexcept { return (*this)[0]; }
    T& back() noexcept { return (*this)[size() - 1]; }
    const T& back() const noexcept { return (*this)[size() - 1]; }

    // Keeps the block, as std::vector keeps its capacity.
    void clear() noexcept {
        if (!m_block) return;
        std::destroy_n(elements(), header()->size);
        header()->size = 0;
    }
    void reserve(size_type n) {
        if (n > capacity()) reallocate(n);
    }
    void shrink_to_fit() {
        if (empty())
            destroy();
        else if (size() < capacity())
            reallocate(size());
    }

    template <typename... Args>
    T& emplace_back(Args&&... args) {
        const size_type n = size();
        if (n == capacity()) {
            // The new element may refer to one of ours: build it before moving them.
            T item(std::forward<Args>(args)...);
            reallocate(grown(n + 1));
            ::new (static_cast<void*>(elements() + n)) T(std::move(item));
        } else {
            ::new (static_cast<void*>(elements() + n)) T(std::forward<Args>(args)...);
        }
        ++header()->size;
        return elements()[n];
    }
    void push_back(const T& item) { emplace_back(item); }
    void push_back(T&& item) { emplace_back(std::move(item)); }
    void pop_back() noexcept {
        assert(!empty());
        std::destroy_at(elements() + --header()->size);
    }

    void resize(size_type n) {
        const size_type old = size();
        if (n == old) return;
        if (n < old) {
            std::destroy(elements() + n, elements() + old);
            header()->size = static_cast<std::uint32_t>(n);
            return;
        }
        reserve(n);
        std::uninitialized_value_construct(elements() + old, elements() + n);
        header()->size = static_cast<std::uint32_t>(n);
    }

    iterator insert(const_iterator pos, T item) {
        const size_type at = static_cast<size_type>(pos - begin());
        emplace_back(std::move(item));
        std::rotate(begin() + at, end() - 1, end());
        return begin() + at;
    }
    iterator erase(const_iterator pos) { return erase(pos, pos + 1); }
    iterator erase(const_iterator first, const_iterator last) {
        const size_type from = static_cast<size_type>(first - begin());
        const size_type count = static_cast<size_type>(last - first);
        if (count == 0) return begin() + from;
        std::move(begin() + from + count, end(), begin() + from);
        std::destroy(end() - count, end());
        header()->size -= static_cast<std::uint32_t>(count);
        return begin() + from;
    }

    template <typename It>
    void assign(It first, It last) {
        clear();
        if constexpr (std::is_base_of_v<std::forward_iterator_tag,
                                        typename std::iterator_traits<It>::iterator_category>) {
            const auto n = static_cast<size_type>(std::distance(first, last));
            if (n == 0) return;
            reserve(n);
            std::uninitialized_copy(first, last, elements());
            header()->size = static_cast<std::uint32_t>(n);
        } else {
            for (; first != last; ++first) emplace_back(*first);
        }
    }

    void swap(CompactList& other) noexcept { std::swap(m_block, other.m_block); }
    friend void swap(CompactList& a, CompactList& b) noexcept { a.swap(b); }

    std::vector<T> toVector() const { return std::vector<T>(begin(), end()); }

    friend bool operator==(const CompactList& a, const CompactList& b) {
        return std::equal(a.begin(), a.end(), b.begin(), b.end());
    }
    friend bool operator==(const CompactList& a, const std::vector<T>& b) {
        return std::equal(a.begin(), a.end(), b.begin(), b.end());
    }

private:
    struct Header {
        std::uint32_t size = 0;
        std::uint32_t capacity = 0;
    };
    // The elements start after the header, aligned for T.
    static constexpr std::size_t kOffset = (sizeof(Header) + alignof(T) - 1) / alignof(T) * alignof(T);
    static_assert(alignof(T) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__, "CompactList: over-aligned element type");

    Header* header() const noexcept { return static_cast<Header*>(m_block); }
    T* elements() const noexcept {
        return std::launder(reinterpret_cast<T*>(static_cast<unsigned char*>(m_block) + kOffset));
    }
    // Like libstdc++'s vector: 1, 2, 4, 8... (a list of one costs one element).
    size_type grown(size_type needed) const {
        if (needed > max_size()) throw std::length_error("CompactList: too many elements");
        return std::min<size_type>(std::max<size_type>(needed, 2 * capacity()), max_size());
    }
    void reallocate(size_type newCapacity) {
        if (newCapacity > max_size()) throw std::length_error("CompactList: too many elements");
        void* block = ::operator new(kOffset + newCapacity * sizeof(T));
        const size_type n = size();
        ::new (block) Header{static_cast<std::uint32_t>(n), static_cast<std::uint32_t>(newCapacity)};
        T* to = reinterpret_cast<T*>(static_cast<unsigned char*>(block) + kOffset);
        if (m_block) {
            if constexpr (std::is_nothrow_move_constructible_v<T>) {
                std::uninitialized_move(elements(), elements() + n, to);
            } else {
                try {
                    std::uninitialized_copy(elements(), elements() + n, to);
                } catch (...) {
                    ::operator delete(block);
                    throw;
                }
            }
            destroy();
        }
        m_block = block;
    }
    void destroy() noexcept {
        if (!m_block) return;
        std::destroy_n(elements(), header()->size);
        ::operator delete(m_block);
        m_block = nullptr;
    }

    void* m_block = nullptr;
};

// As std::erase and std::erase_if do for a vector.
template <typename T, typename U>
std::size_t erase(CompactList<T>& list, const U& value) {
    const auto from = std::remove(list.begin(), list.end(), value);
    const auto removed = static_cast<std::size_t>(list.end() - from);
    list.erase(from, list.end());
    return removed;
}
template <typename T, typename Pred>
std::size_t erase_if(CompactList<T>& list, Pred pred) {
    const auto from = std::remove_if(list.begin(), list.end(), pred);
    const auto removed = static_cast<std::size_t>(list.end() - from);
    list.erase(from, list.end());
    return removed;
}

}  // namespace meridian
