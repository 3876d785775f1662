package vn.congso.publishing.internal.search;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import vn.congso.publishing.internal.content.Folding;

/**
 * Splits Vietnamese text into words (Unicode word boundaries) and lower-cases them; with
 * {@code fold} it also drops tone and vowel marks and maps "đ" to "d" ({@link Folding}), so a
 * query typed without marks ("phap luat") matches "pháp luật". The index keeps both forms: exact
 * words rank first.
 */
public final class FoldingAnalyzer extends Analyzer {

    private final boolean fold;

    /**
     * @param fold whether marks are dropped
     */
    public FoldingAnalyzer(boolean fold) {
        this.fold = fold;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(tokenizer);
        if (fold) {
            stream = new FoldFilter(stream);
        }
        return new TokenStreamComponents(tokenizer, stream);
    }

    /** Folds each token in place. */
    static final class FoldFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        FoldFilter(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            String folded = Folding.fold(term.toString());
            term.setEmpty().append(folded);
            return true;
        }
    }
}
