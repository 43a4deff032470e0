#include "BalloonConfirm.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

namespace bs::gui {

bool confirmWithMessageBox(QWidget *parent, const QString &title, const QString &text) {
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Cancel, parent);
    QPushButton *go =
        box.addButton(QCoreApplication::translate("bs::gui::BalloonConfirm", "Apply anyway"),
                      QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == go;
}

} // namespace bs::gui
