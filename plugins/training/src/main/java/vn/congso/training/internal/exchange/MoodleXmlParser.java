package vn.congso.training.internal.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import vn.congso.training.internal.Problem;
import vn.congso.training.internal.question.Choice;
import vn.congso.training.internal.question.ChoiceQuestion;
import vn.congso.training.internal.question.MatchPair;
import vn.congso.training.internal.question.MatchingQuestion;
import vn.congso.training.internal.question.NumericAnswer;
import vn.congso.training.internal.question.NumericalQuestion;
import vn.congso.training.internal.question.Prompt;
import vn.congso.training.internal.question.Question;
import vn.congso.training.internal.question.ShortAnswerQuestion;
import vn.congso.training.internal.question.TextAnswer;
import vn.congso.training.internal.question.TextFormat;
import vn.congso.training.internal.question.TrueFalseQuestion;

/**
 * Reads Moodle XML question files ({@code <quiz>} of {@code <question type="...">}): categories,
 * multichoice, truefalse, shortanswer, numerical and matching. Document type declarations are
 * refused, so no entity is ever expanded or fetched. Errors name the element; a file with any
 * error yields no question.
 */
public final class MoodleXmlParser {

    private static final Map<String, TextFormat> FORMATS = Map.of("html", TextFormat.HTML,
            "moodle_auto_format", TextFormat.MOODLE, "markdown", TextFormat.MARKDOWN,
            "plain_text", TextFormat.PLAIN);
    /** The catch-all numerical answer; it only carries feedback for wrong numbers, so it is skipped. */
    private static final String ANY_NUMBER = "*";

    /**
     * Parses a Moodle XML file.
     *
     * @param in the file's bytes; the XML declaration names the encoding; not closed
     * @return every question with its category, or every error found
     * @throws IOException when reading fails
     */
    public ImportResult parse(InputStream in) throws IOException {
        Document document;
        try {
            document = secureBuilder().parse(in);
        } catch (SAXParseException e) {
            return ImportResult.failed(List.of(ImportError.atElement("quiz", "training.import.xml.malformed",
                    e.getLineNumber(), String.valueOf(e.getMessage()))));
        } catch (SAXException e) {
            return ImportResult.failed(List.of(ImportError.atElement("quiz", "training.import.xml.malformed",
                    0, String.valueOf(e.getMessage()))));
        }
        Element quiz = document.getDocumentElement();
        if (!"quiz".equals(quiz.getTagName())) {
            return ImportResult.failed(List.of(ImportError.atElement(quiz.getTagName(),
                    "training.import.xml.not-quiz")));
        }
        return read(quiz);
    }

    private static ImportResult read(Element quiz) {
        List<ImportedQuestion> questions = new ArrayList<>();
        List<ImportError> errors = new ArrayList<>();
        String category = "";
        int number = 0;
        for (Element element : children(quiz, "question")) {
            number++;
            String where = "question #" + number;
            String type = element.getAttribute("type");
            try {
                if (type.equals("category")) {
                    category = Categories.normalise(text(child(element, "category", where), where));
                    continue;
                }
                Question question = question(type, element, where);
                List<Problem> problems = question.validate();
                if (problems.isEmpty()) {
                    questions.add(new ImportedQuestion(category, question));
                }
                problems.forEach(problem -> errors.add(new ImportError(0, where, problem)));
            } catch (ElementError e) {
                errors.add(e.error);
            }
        }
        return errors.isEmpty() ? ImportResult.of(questions, ImportError.atElement("quiz", "training.import.empty"))
                : ImportResult.failed(errors);
    }

    private static Question question(String type, Element element, String where) throws ElementError {
        Prompt prompt = prompt(element, where);
        return switch (type) {
            case "multichoice" -> new ChoiceQuestion(prompt,
                    bool(optionalChild(element, "single"), true, where + " <single>"), choices(element, where));
            case "truefalse" -> trueFalse(prompt, element, where);
            case "shortanswer" -> new ShortAnswerQuestion(prompt,
                    bool(optionalChild(element, "usecase"), false, where + " <usecase>"), false,
                    textAnswers(element, where));
            case "numerical" -> new NumericalQuestion(prompt, numericAnswers(element, where));
            case "matching" -> new MatchingQuestion(prompt, pairs(element, where));
            default -> throw new ElementError(where, "training.import.xml.unsupported-type", type);
        };
    }

    private static Prompt prompt(Element element, String where) throws ElementError {
        Element name = optionalChild(element, "name");
        Element text = child(element, "questiontext", where);
        Element general = optionalChild(element, "generalfeedback");
        // Like Moodle, a missing (or unknown) format means Moodle's auto-format.
        String format = text.getAttribute("format");
        return new Prompt(name == null ? "" : text(name, where + " <name>"), text(text, where + " <questiontext>"),
                FORMATS.getOrDefault(format.toLowerCase(Locale.ROOT), TextFormat.MOODLE),
                general == null ? "" : text(general, where + " <generalfeedback>"));
    }

    private static List<Choice> choices(Element element, String where) throws ElementError {
        List<Choice> choices = new ArrayList<>();
        for (Element answer : children(element, "answer")) {
            String at = where + " <answer>";
            choices.add(new Choice(text(answer, at), fraction(answer, at), feedback(answer, at)));
        }
        return choices;
    }

    private static Question trueFalse(Prompt prompt, Element element, String where) throws ElementError {
        Boolean correct = null;
        String feedbackTrue = "";
        String feedbackFalse = "";
        for (Element answer : children(element, "answer")) {
            String at = where + " <answer>";
            String value = text(answer, at).toLowerCase(Locale.ROOT);
            if (!value.equals("true") && !value.equals("false")) {
                throw new ElementError(at, "training.import.xml.bad-boolean", value);
            }
            boolean isTrue = value.equals("true");
            if (fraction(answer, at) == 1) {
                correct = isTrue;
            }
            if (isTrue) {
                feedbackTrue = feedback(answer, at);
            } else {
                feedbackFalse = feedback(answer, at);
            }
        }
        if (correct == null) {
            throw new ElementError(where, "training.question.no-correct-answer");
        }
        return new TrueFalseQuestion(prompt, correct, feedbackTrue, feedbackFalse);
    }

    private static List<TextAnswer> textAnswers(Element element, String where) throws ElementError {
        List<TextAnswer> answers = new ArrayList<>();
        for (Element answer : children(element, "answer")) {
            String at = where + " <answer>";
            answers.add(new TextAnswer(text(answer, at), fraction(answer, at), feedback(answer, at)));
        }
        return answers;
    }

    private static List<NumericAnswer> numericAnswers(Element element, String where) throws ElementError {
        List<NumericAnswer> answers = new ArrayList<>();
        for (Element answer : children(element, "answer")) {
            String at = where + " <answer>";
            String value = text(answer, at);
            if (!value.equals(ANY_NUMBER)) {
                Element tolerance = optionalChild(answer, "tolerance");
                answers.add(new NumericAnswer(number(value, at),
                        tolerance == null ? 0 : number(tolerance.getTextContent(), at + " <tolerance>"),
                        fraction(answer, at), feedback(answer, at)));
            }
        }
        return answers;
    }

    private static List<MatchPair> pairs(Element element, String where) throws ElementError {
        List<MatchPair> pairs = new ArrayList<>();
        for (Element subquestion : children(element, "subquestion")) {
            String at = where + " <subquestion>";
            pairs.add(new MatchPair(text(subquestion, at), text(child(subquestion, "answer", at), at + " <answer>")));
        }
        return pairs;
    }

    private static double fraction(Element answer, String where) throws ElementError {
        String value = answer.getAttribute("fraction").strip();
        try {
            return new BigDecimal(value).movePointLeft(2).doubleValue();
        } catch (NumberFormatException e) {
            throw new ElementError(where, "training.import.xml.bad-fraction", value);
        }
    }

    private static double number(String value, String where) throws ElementError {
        try {
            return new BigDecimal(value.strip()).doubleValue();
        } catch (NumberFormatException e) {
            throw new ElementError(where, "training.import.xml.bad-number", value.strip());
        }
    }

    private static boolean bool(Element element, boolean otherwise, String where) throws ElementError {
        if (element == null) {
            return otherwise;
        }
        String value = element.getTextContent().strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new ElementError(where, "training.import.xml.bad-boolean", value);
        };
    }

    private static String feedback(Element answer, String where) throws ElementError {
        Element feedback = optionalChild(answer, "feedback");
        return feedback == null ? "" : text(feedback, where + " <feedback>");
    }

    /** The content of an element's {@code <text>} child. */
    private static String text(Element element, String where) throws ElementError {
        return child(element, "text", where).getTextContent();
    }

    private static Element child(Element parent, String name, String where) throws ElementError {
        Element child = optionalChild(parent, name);
        if (child == null) {
            throw new ElementError(where, "training.import.xml.missing-element", name);
        }
        return child;
    }

    private static Element optionalChild(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                result.add(element);
            }
        }
        return result;
    }

    /** A parser that refuses DOCTYPEs, external entities, XInclude and external schemas. */
    private static DocumentBuilder secureBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new QuietErrorHandler());
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
        }
    }

    /** Fails on errors without the JDK default handler's printing to standard error. */
    private static final class QuietErrorHandler implements ErrorHandler {

        @Override
        public void warning(SAXParseException e) {
            // Warnings do not make a file unreadable.
        }

        @Override
        public void error(SAXParseException e) throws SAXParseException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    }

    /** An element that cannot be read; turned into an {@link ImportError}. */
    private static final class ElementError extends Exception {

        private static final long serialVersionUID = 1L;

        private final transient ImportError error;

        ElementError(String where, String key, Object... args) {
            super(key, null, false, false);
            this.error = ImportError.atElement(where, key, args);
        }
    }
}
