package vn.congso.training.internal.question;

/** The kinds of question the bank holds. */
public enum QuestionType {
    /** One option may be chosen. */
    SINGLE_CHOICE,
    /** Several options may be chosen; each carries a weight, partial credit is given. */
    MULTIPLE_CHOICE,
    /** A statement that is true or false. */
    TRUE_FALSE,
    /** A typed word or phrase compared with accepted answers. */
    SHORT_ANSWER,
    /** A typed number compared with accepted values within a tolerance. */
    NUMERICAL,
    /** Items paired with answers; each correct pair earns its share. */
    MATCHING
}
