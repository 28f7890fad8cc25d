package org.parley.comment;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * The words of a parsed Markdown body as a reader reads them: text and code without markup, a link's text without
 * its URL, blocks separated by blank lines. This is what the civility checks read and what their spans point into.
 */
final class PlainText extends AbstractVisitor {

    private final StringBuilder text = new StringBuilder();

    private PlainText() {
    }

    static String of(Node document) {
        PlainText visitor = new PlainText();
        document.accept(visitor);
        return visitor.text.toString().strip();
    }

    @Override
    public void visit(Text node) {
        text.append(node.getLiteral());
    }

    @Override
    public void visit(Code node) {
        text.append(node.getLiteral());
    }

    @Override
    public void visit(SoftLineBreak node) {
        text.append(' ');
    }

    @Override
    public void visit(HardLineBreak node) {
        text.append('\n');
    }

    @Override
    public void visit(FencedCodeBlock node) {
        endBlock();
        text.append(node.getLiteral().strip());
    }

    @Override
    public void visit(IndentedCodeBlock node) {
        endBlock();
        text.append(node.getLiteral().strip());
    }

    @Override
    protected void visitChildren(Node parent) {
        if (parent instanceof Block && !(parent instanceof org.commonmark.node.Document)) {
            endBlock();
        }
        super.visitChildren(parent);
    }

    private void endBlock() {
        int length = text.length();
        if (length > 0 && !(length >= 2 && text.charAt(length - 1) == '\n' && text.charAt(length - 2) == '\n')) {
            text.append(text.charAt(length - 1) == '\n' ? "\n" : "\n\n");
        }
    }
}
