#pragma once

#include "report/ReportData.h"

#include <QDialog>
#include <QUrl>

#include <functional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListView;
class QProgressBar;
class QPushButton;
class QStandardItemModel;

namespace bs {
class HistoryReader;
class ReportJob;
struct GuestInfo;
struct Error;
} // namespace bs

namespace bs::gui {

// "Report…": a PDF report of a host from the history. Host, the guests to include (a checklist),
// the range (presets or from/to), the sections and the file; progress while the history answers
// and the pages are drawn (off the GUI thread, ReportJob), and the file opened when done. The
// history is this computer's or a Prometheus-compatible server's (then named in the form).
class ReportDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportDialog)

public:
    ReportDialog(HistoryReader *store, QWidget *parent = nullptr);
    ~ReportDialog() override;

    // The host to preselect once the history has listed its hosts.
    void setPreferredHost(const QString &hostId);
    void setPath(const QString &path);
    void setOpenWhenDone(bool open);
    // How a finished report is opened (QDesktopServices::openUrl by default; tests replace it).
    void setOpener(std::function<void(const QUrl &)> opener);

    QStandardItemModel *guestModel() const { return m_guests; }
    QComboBox *hostBox() const { return m_host; }
    QComboBox *rangeBox() const { return m_range; }
    QLabel *statusLabel() const { return m_status; }
    QProgressBar *progressBar() const { return m_progress; }
    ReportJob *job() const { return m_job; }
    HistoryReader *reader() const { return m_store; }
    // The request the form describes now.
    ReportRequest request() const;
    // Starts the report; false (with the reason shown) when the form is incomplete.
    bool start();

Q_SIGNALS:
    void reportWritten(const QString &path, int pages);

protected:
    void reject() override;

private:
    void onGuests(quint64 id, const QList<GuestInfo> &guests);
    void hostChanged();
    void rangeChanged();
    void browse();
    void setRunning(bool running);
    void onFinished(const QString &path, int pages);
    void onFailed(const Error &error);
    void showError(const QString &text);

    HistoryReader *m_store;
    ReportJob *m_job;
    quint64 m_guestsQuery = 0;
    QList<GuestInfo> m_known;
    QString m_preferredHost;
    std::function<void(const QUrl &)> m_opener;

    QComboBox *m_host;
    QStandardItemModel *m_guests;
    QListView *m_guestView;
    QComboBox *m_range;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QCheckBox *m_cover;
    QCheckBox *m_hostSection;
    QCheckBox *m_sizingSection;
    QCheckBox *m_policiesSection;
    QCheckBox *m_guestSection;
    QLineEdit *m_path;
    QCheckBox *m_open;
    QProgressBar *m_progress;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QPushButton *m_create;
    QList<QWidget *> m_inputs;
};

} // namespace bs::gui
