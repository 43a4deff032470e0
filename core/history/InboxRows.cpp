#include "InboxRows.h"

#include <QtGlobal>

namespace bs::history {

InboxRows::InboxRows(int columns)
    : m_columns(qBound(0, columns, MaxColumns)) {
    Q_ASSERT(columns >= 0 && columns <= MaxColumns);
}

void InboxRows::append(const sqlite::Statement &row, int timeColumn, int firstValue) {
    const std::size_t at = m_words.size();
    m_words.resize(at + stride());
    m_words[at] = row.int64(timeColumn);
    quint64 mask = 0;
    for (int c = 0; c < m_columns; ++c) {
        if (row.isNull(firstValue + c))
            continue;
        mask |= quint64(1) << c;
        m_words[at + 2 + std::size_t(c)] = row.int64(firstValue + c);
    }
    m_words[at + 1] = qint64(mask);
}

std::vector<BlockRow> InboxRows::take() {
    std::vector<BlockRow> rows(size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const qint64 *words = m_words.data() + r * stride();
        const quint64 mask = quint64(words[1]);
        BlockRow &out = rows[r];
        out.t = words[0];
        out.values.resize(std::size_t(m_columns));
        for (int c = 0; c < m_columns; ++c) {
            if (mask & (quint64(1) << c))
                out.values[std::size_t(c)] = words[2 + c];
        }
    }
    std::vector<qint64>().swap(m_words);
    return rows;
}

} // namespace bs::history
