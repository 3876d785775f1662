package vn.congso.training.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import vn.congso.training.internal.service.QuestionBankService;

/** {@code congso:training-import-gift FILE CATEGORY}. */
@Service
@Command(scope = "congso", name = "training-import-gift",
        description = "Import a Moodle GIFT file into the question bank (all or nothing)")
public final class ImportGiftCommand extends ImportCommand {

    @Override
    QuestionBankService.ImportFormat format() {
        return QuestionBankService.ImportFormat.GIFT;
    }
}
