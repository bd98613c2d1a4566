import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tidings.Admin
import Tidings.Admin.Ui

// The text of a template per channel and language: a row of its variants (the
// default first), and the chosen one's subject, text and HTML. Errors from the save
// or the preview show under the part they are about.
ScrollView {
    id: form

    property TemplateEditor editor

    readonly property var errors: editor ? editor.fieldErrors : ({})
    readonly property string previewPart: editor?.previewErrorPart ?? ""

    clip: true
    contentWidth: availableWidth

    ColumnLayout {
        width: form.availableWidth
        spacing: 6

        // The variants: one button each, and one to add another.
        Flow {
            Layout.fillWidth: true
            spacing: 6

            Repeater {
                model: form.editor ? form.editor.variants : []

                delegate: Button {
                    id: variantButton

                    required property var modelData
                    required property int index
                    readonly property bool current: form.editor !== null && form.editor.currentVariant === index

                    objectName: "variant-" + modelData.channel + "-" + modelData.locale
                    text: modelData.label
                    checkable: true
                    checked: current
                    font.capitalization: Font.MixedCase
                    leftPadding: 14
                    rightPadding: 14
                    topPadding: 6
                    bottomPadding: 6
                    Accessible.name: modelData.hasError ? qsTr("%1 (has an error)").arg(modelData.label) : modelData.label
                    onClicked: form.editor.currentVariant = index

                    background: Rectangle {
                        implicitHeight: 32
                        radius: height / 2
                        color: variantButton.current ? Theme.accentSoft
                                                     : (variantButton.hovered ? Theme.surfaceRaised : "transparent")
                        border.color: variantButton.modelData.hasError ? Theme.danger
                                    : variantButton.current || variantButton.visualFocus ? Theme.accent : Theme.border
                        border.width: variantButton.visualFocus ? 2 : 1
                    }
                    contentItem: RowLayout {
                        spacing: 6
                        Icon {
                            visible: variantButton.modelData.hasError
                            name: "warning"
                            size: 16
                            color: Theme.danger
                        }
                        Label {
                            text: variantButton.text
                            color: variantButton.current ? Theme.accent : Theme.text
                            font.weight: variantButton.current ? Font.DemiBold : Font.Normal
                        }
                    }
                }
            }
            Button {
                id: addVariantButton

                objectName: "addVariantButton"
                text: qsTr("Add channel or language")
                flat: true
                font.capitalization: Font.MixedCase
                icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/add.svg"
                enabled: form.editor?.hasTemplate ?? false
                onClicked: addVariantPopup.open()

                Popup {
                    id: addVariantPopup

                    y: addVariantButton.height
                    width: 300
                    padding: 16
                    modal: false
                    focus: true
                    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside

                    onOpened: {
                        localeField.clear();
                        localeField.forceActiveFocus();
                    }

                    function add() {
                        if (form.editor.addVariant(channelBox.currentValue, localeField.text))
                            close();
                    }

                    background: Rectangle {
                        radius: Theme.radius
                        color: Theme.surface
                        border.color: Theme.border
                    }

                    ColumnLayout {
                        anchors.fill: parent
                        spacing: 6

                        Label {
                            text: qsTr("Channel")
                            color: Theme.text
                            font.weight: Font.DemiBold
                        }
                        ComboBox {
                            id: channelBox

                            Layout.fillWidth: true
                            model: (form.editor ? form.editor.channels : []).map(c => ({ value: c, text: form.editor.variantLabel(c, "") }))
                            textRole: "text"
                            valueRole: "value"
                            Accessible.name: qsTr("Channel")
                        }
                        Label {
                            text: qsTr("Language")
                            color: Theme.text
                            font.weight: Font.DemiBold
                        }
                        TextField {
                            id: localeField

                            Layout.fillWidth: true
                            placeholderText: qsTr("de, pt-BR… (empty: every language)")
                            selectByMouse: true
                            Accessible.name: qsTr("Language tag")
                            onAccepted: addVariantPopup.add()
                        }
                        FieldError {
                            Layout.fillWidth: true
                            text: form.errors.variant ?? ""
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            Item {
                                Layout.fillWidth: true
                            }
                            Button {
                                text: qsTr("Cancel")
                                flat: true
                                onClicked: addVariantPopup.close()
                            }
                            Button {
                                text: qsTr("Add")
                                highlighted: true
                                onClicked: addVariantPopup.add()
                            }
                        }
                    }
                }
            }
        }

        // What the chosen variant is for, and its removal.
        RowLayout {
            Layout.fillWidth: true
            Layout.topMargin: 4
            spacing: 8

            Label {
                Layout.fillWidth: true
                text: {
                    if (!form.editor || !form.editor.hasTemplate)
                        return "";
                    if (form.editor.currentVariant === 0)
                        return qsTr("The default text: used for every channel and language that has none of its own.");
                    const channel = form.editor.currentChannel;
                    const locale = form.editor.currentLocale;
                    if (channel === "default")
                        return qsTr("Used when the user's language is %1, for the channels without a text of their own.").arg(locale);
                    const label = form.editor.variantLabel(channel, "");
                    return locale.length > 0 ? qsTr("Used for %1 when the user's language is %2.").arg(label).arg(locale)
                                             : qsTr("Used for %1 in every language without a text of its own.").arg(label);
                }
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.Wrap
            }
            Button {
                visible: (form.editor?.currentVariant ?? 0) > 0
                text: qsTr("Remove")
                flat: true
                icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/delete.svg"
                Accessible.name: qsTr("Remove the %1 text").arg(form.editor ? form.editor.variantLabel(form.editor.currentChannel, form.editor.currentLocale) : "")
                onClicked: form.editor.removeVariant(form.editor.currentVariant)
            }
        }
        FieldError {
            Layout.fillWidth: true
            text: form.errors.contents ?? ""
        }

        Label {
            Layout.topMargin: 6
            text: qsTr("Subject")
            color: Theme.text
            font.weight: Font.DemiBold
        }
        TextField {
            id: subjectField

            objectName: "subjectField"
            Layout.fillWidth: true
            text: form.editor?.subject ?? ""
            enabled: form.editor?.hasTemplate ?? false
            placeholderText: qsTr("Order {{orderId}} shipped")
            selectByMouse: true
            Accessible.name: qsTr("Subject")
            onTextEdited: form.editor.subject = text
        }
        FieldError {
            Layout.fillWidth: true
            text: form.errors.subject ?? (form.previewPart === "subject" ? form.editor.previewError : "")
        }

        Label {
            Layout.topMargin: 6
            text: qsTr("Text")
            color: Theme.text
            font.weight: Font.DemiBold
        }
        TextArea {
            objectName: "textBodyField"
            Layout.fillWidth: true
            Layout.minimumHeight: 96
            // Tall windows give the bodies the room.
            Layout.preferredHeight: Math.max(96, (form.availableHeight - 360) * 0.4)
            text: form.editor?.textBody ?? ""
            enabled: form.editor?.hasTemplate ?? false
            placeholderText: qsTr("The message as plain text: inbox, push and the text part of mail")
            wrapMode: TextEdit.Wrap
            selectByMouse: true
            // Tab moves on, as everywhere else in the form.
            Keys.onTabPressed: nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason)
            Keys.onBacktabPressed: nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason)
            Accessible.name: qsTr("Text")
            onTextChanged: {
                if (form.editor && form.editor.textBody !== text)
                    form.editor.textBody = text;
            }
        }
        FieldError {
            Layout.fillWidth: true
            text: form.errors.textBody ?? (form.previewPart === "textBody" ? form.editor.previewError : "")
        }

        Label {
            Layout.topMargin: 6
            text: qsTr("HTML")
            color: Theme.text
            font.weight: Font.DemiBold
        }
        TextArea {
            objectName: "htmlBodyField"
            Layout.fillWidth: true
            Layout.minimumHeight: 120
            Layout.preferredHeight: Math.max(120, (form.availableHeight - 360) * 0.6)
            text: form.editor?.htmlBody ?? ""
            enabled: form.editor?.hasTemplate ?? false
            placeholderText: qsTr("<p>The message as HTML, for mail</p>")
            wrapMode: TextEdit.Wrap
            selectByMouse: true
            // Tab moves on, as everywhere else in the form.
            Keys.onTabPressed: nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason)
            Keys.onBacktabPressed: nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason)
            font.family: "monospace"
            Accessible.name: qsTr("HTML")
            onTextChanged: {
                if (form.editor && form.editor.htmlBody !== text)
                    form.editor.htmlBody = text;
            }
        }
        FieldError {
            Layout.fillWidth: true
            text: form.errors.htmlBody ?? (form.previewPart === "htmlBody" ? form.editor.previewError : "")
        }

        Label {
            Layout.fillWidth: true
            Layout.topMargin: 4
            text: qsTr("{{name}} puts a variable in; {{#name}}…{{/name}} shows a part only when it is set. HTML escapes values; {{{name}}} does not.")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
        }
    }
}
