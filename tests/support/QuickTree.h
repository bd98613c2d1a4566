#pragma once

// Finding items in a Qt Quick scene by objectName, for the admin console's tests
// and screenshots.

#include <QList>
#include <QQuickItem>
#include <QQuickWindow>
#include <QString>

namespace Tidings::Test {

// The first item under `root` (itself included) called `name`, depth first.
inline QQuickItem *findNamed(QQuickItem *root, const QString &name)
{
    if (root->objectName() == name)
        return root;
    const QList<QQuickItem *> children = root->childItems();
    for (QQuickItem *child : children) {
        if (QQuickItem *found = findNamed(child, name))
            return found;
    }
    return nullptr;
}

// Items under `root` whose objectName starts with `prefix`, in tree order.
inline QList<QQuickItem *> itemsNamed(QQuickItem *root, const QString &prefix)
{
    QList<QQuickItem *> found;
    if (root->objectName().startsWith(prefix))
        found << root;
    const QList<QQuickItem *> children = root->childItems();
    for (QQuickItem *child : children)
        found << itemsNamed(child, prefix);
    return found;
}

// The root of the scene: the content item's and the popups' overlay's parent.
inline QQuickItem *sceneRoot(QQuickWindow *window)
{
    QQuickItem *root = window->contentItem();
    while (root->parentItem())
        root = root->parentItem();
    return root;
}

} // namespace Tidings::Test
