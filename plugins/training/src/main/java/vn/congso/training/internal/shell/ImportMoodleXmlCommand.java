package vn.congso.training.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import vn.congso.training.internal.service.QuestionBankService;

/** {@code congso:training-import-moodlexml FILE CATEGORY}. */
@Service
@Command(scope = "congso", name = "training-import-moodlexml",
        description = "Import a Moodle XML question file into the question bank (all or nothing)")
public final class ImportMoodleXmlCommand extends ImportCommand {

    @Override
    QuestionBankService.ImportFormat format() {
        return QuestionBankService.ImportFormat.MOODLE_XML;
    }
}
