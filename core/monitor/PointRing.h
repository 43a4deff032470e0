#pragma once

#include <QtGlobal>

#include <algorithm>
#include <compare>
#include <iterator>
#include <vector>

namespace bs {

// A bounded series of points, oldest first: appends at its end and drops from its front, in one
// block of at most the capacity it is given, never more. A std::deque of 16-byte points holds
// them in 512-byte nodes plus a map (about 1.4 KB for a 60-point series that slides, against
// 960 bytes here): with 5,000 guests × 5 series the live chart's buffers were 40 MB (issue 18).
// Random-access iterators, as the live chart walks back from the end.
template <typename T>
class PointRing {
public:
    class const_iterator {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = T;
        using difference_type = qsizetype;
        using pointer = const T *;
        using reference = const T &;

        const_iterator() = default;
        const_iterator(const PointRing *owner, qsizetype i)
            : m_owner(owner)
            , m_i(i) {}
        reference operator*() const { return (*m_owner)[m_i]; }
        pointer operator->() const { return &(*m_owner)[m_i]; }
        reference operator[](difference_type n) const { return (*m_owner)[m_i + n]; }
        const_iterator &operator++() {
            ++m_i;
            return *this;
        }
        const_iterator operator++(int) {
            const_iterator was = *this;
            ++m_i;
            return was;
        }
        const_iterator &operator--() {
            --m_i;
            return *this;
        }
        const_iterator operator--(int) {
            const_iterator was = *this;
            --m_i;
            return was;
        }
        const_iterator &operator+=(difference_type n) {
            m_i += n;
            return *this;
        }
        const_iterator &operator-=(difference_type n) {
            m_i -= n;
            return *this;
        }
        friend const_iterator operator+(const_iterator it, difference_type n) { return it += n; }
        friend const_iterator operator+(difference_type n, const_iterator it) { return it += n; }
        friend const_iterator operator-(const_iterator it, difference_type n) { return it -= n; }
        friend difference_type operator-(const const_iterator &a, const const_iterator &b) {
            return a.m_i - b.m_i;
        }
        bool operator==(const const_iterator &other) const { return m_i == other.m_i; }
        auto operator<=>(const const_iterator &other) const { return m_i <=> other.m_i; }

    private:
        const PointRing *m_owner = nullptr;
        qsizetype m_i = 0;
    };
    using iterator = const_iterator;

    qsizetype size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    // The points its block has room for (what it costs).
    qsizetype allocated() const { return qsizetype(m_buf.size()); }

    const T &operator[](qsizetype i) const {
        const qsizetype slot = m_head + i;
        const qsizetype n = allocated();
        return m_buf[size_t(slot < n ? slot : slot - n)];
    }
    const T &at(qsizetype i) const {
        Q_ASSERT(i >= 0 && i < m_size);
        return (*this)[i];
    }
    const T &front() const { return (*this)[0]; }
    const T &back() const { return (*this)[m_size - 1]; }
    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, m_size}; }
    const_iterator cbegin() const { return begin(); }
    const_iterator cend() const { return end(); }

    // How a full block grows: doubling (fewer copies), or by a quarter (at most a quarter more
    // than was ever held at once: the health window, bounded by time rather than a count).
    enum class Growth { Double, Quarter };

    // Appends `value`, dropping the oldest points first when `capacity` are held. The block
    // grows from 8 slots as `growth` says, but never past `capacity`.
    void push(const T &value, qsizetype capacity, Growth growth = Growth::Double) {
        capacity = std::max<qsizetype>(1, capacity);
        while (m_size >= capacity)
            popFront();
        if (m_size == allocated()) {
            const qsizetype grown = growth == Growth::Double ? 2 * m_size : m_size + m_size / 4;
            resize(std::min(capacity, std::max<qsizetype>(8, grown)));
        }
        const qsizetype slot = m_head + m_size;
        m_buf[size_t(slot < allocated() ? slot : slot - allocated())] = value;
        ++m_size;
    }
    // Drops the oldest points beyond `capacity`; a block much larger than that (the charted
    // guest's, once another is charted) is given back.
    void keepAtMost(qsizetype capacity) {
        capacity = std::max<qsizetype>(1, capacity);
        while (m_size > capacity)
            popFront();
        if (allocated() > 2 * std::max<qsizetype>(8, capacity))
            resize(std::max<qsizetype>(m_size, std::min<qsizetype>(8, capacity)));
    }
    // Drops the `n` oldest points (all of them when n >= size()); the block stays.
    void dropFront(qsizetype n) {
        n = std::clamp<qsizetype>(n, 0, m_size);
        if (n == 0)
            return;
        const qsizetype head = m_head + n;
        m_head = head < allocated() ? head : head - allocated();
        m_size -= n;
        if (m_size == 0)
            m_head = 0;
    }
    void clear() {
        m_buf = {};
        m_head = 0;
        m_size = 0;
    }

private:
    void popFront() {
        m_head = m_head + 1 == allocated() ? 0 : m_head + 1;
        --m_size;
        if (m_size == 0)
            m_head = 0;
    }
    void resize(qsizetype count) {
        std::vector<T> buf(size_t(std::max(count, m_size)));
        for (qsizetype i = 0; i < m_size; ++i)
            buf[size_t(i)] = (*this)[i];
        m_buf = std::move(buf);
        m_head = 0;
    }

    std::vector<T> m_buf; // m_size points from m_head on, wrapping around
    qsizetype m_head = 0;
    qsizetype m_size = 0;
};

} // namespace bs
