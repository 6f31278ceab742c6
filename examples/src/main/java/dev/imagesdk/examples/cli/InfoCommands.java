package dev.imagesdk.examples.cli;

import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.core.error.UnsupportedFeatureException;
import dev.imagesdk.examples.cli.output.Record;
import dev.imagesdk.images.importing.QuotaUsage;
import dev.imagesdk.images.importing.StoreInfo;
import dev.imagesdk.images.tasks.Task;
import dev.imagesdk.images.tasks.TaskListOpts;
import dev.imagesdk.images.tasks.Tasks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the service tells about itself ({@code stores}, {@code usage}, {@code import-info}) and its {@code tasks}. */
final class InfoCommands {
    private InfoCommands() {
    }

    @Command(name = "stores", description = "List the stores of a multi-store service (where image data can live).",
            mixinStandardHelpOptions = true)
    static final class Stores extends ApiCommand {
        @Mixin
        FormatOption format;

        @Option(names = "--detail", description = "Also the store type and properties (admin).")
        boolean detail;

        @Override
        void run() {
            List<StoreInfo> stores;
            try {
                stores = detail ? ImagesCommand.images(this).storesDetail() : ImagesCommand.images(this).stores();
            } catch (NotFoundException | UnsupportedFeatureException e) {
                throw new CommandException(ExitCodes.NOT_FOUND, "the service lists no stores: it keeps all image data "
                        + "in one store (single-store deployment)", "Leave out --store when uploading or importing");
            }
            List<Record> rows = new ArrayList<>();
            for (StoreInfo s : stores) {
                Record r = Record.of().put("id", s.id()).put("default", s.isDefault()).put("read_only", s.isReadOnly())
                        .put("description", s.description());
                if (detail) {
                    r.put("type", s.type()).put("properties", s.properties());
                }
                rows.add(r);
            }
            format.printList(rows, detail ? List.of() : List.of("id", "default", "read_only", "description"), out());
        }
    }

    @Command(name = "usage", description = "Show your project's quota usage (images, total size, staging, uploads).",
            mixinStandardHelpOptions = true)
    static final class Usage extends ApiCommand {
        @Mixin
        FormatOption format;

        @Override
        void run() {
            List<Record> rows = new ArrayList<>();
            for (Map.Entry<String, QuotaUsage> e : ImagesCommand.images(this).usage().entrySet()) {
                QuotaUsage q = e.getValue();
                rows.add(Record.of().put("quota", e.getKey())
                        .put("limit", q.limit().isPresent() ? q.limit().getAsLong() : null)
                        .put("usage", q.usage().isPresent() ? q.usage().getAsLong() : null));
            }
            if (rows.isEmpty() && format.format == dev.imagesdk.examples.cli.output.OutputFormat.TABULATED) {
                err().println("imagectl: the service reports no quotas (Glance without Keystone unified limits)");
            }
            format.printList(rows, List.of("quota", "limit", "usage"), out());
        }
    }

    @Command(name = "import-info", description = "List the import methods the service accepts (images import).",
            mixinStandardHelpOptions = true)
    static final class ImportInfo extends ApiCommand {
        @Mixin
        FormatOption format;

        @Override
        void run() {
            List<Record> rows = ImagesCommand.images(this).importMethods().stream()
                    .map(m -> Record.of().put("import_method", m)).toList();
            format.printList(rows, List.of("import_method"), out());
        }
    }

    /** {@code imagectl tasks ...}: the service's asynchronous tasks (imports, copies). */
    @Command(name = "tasks", description = "List and show the service's tasks (the work behind imports).",
            mixinStandardHelpOptions = true, subcommands = {TasksCommand.ListTasks.class, TasksCommand.Show.class, TasksCommand.Create.class,
                    TasksCommand.Wait.class})
    static final class TasksCommand {
        static final List<String> COLUMNS = List.of("id", "type", "status", "image_id", "owner", "created_at", "message");

        static Record record(Task t) {
            return Record.of().put("id", t.id()).put("type", t.type()).put("status", t.status())
                    .put("image_id", t.imageId()).put("owner", t.owner()).put("created_at", t.createdAt())
                    .put("updated_at", t.updatedAt()).put("expires_at", t.expiresAt()).put("message", t.message())
                    .put("request_id", t.requestId()).put("user_id", t.userId())
                    .put("input", t.input()).put("result", t.result());
        }

        @Command(name = "list", description = "List tasks, newest first (admin, by Glance's default policy); with "
                + "--image the tasks of one of your images.",
                mixinStandardHelpOptions = true)
        static final class ListTasks extends ApiCommand {
            @Mixin
            FormatOption format;

            @Option(names = "--image", paramLabel = "IMAGE", description = "Only the tasks of this image (id or unique name).")
            String imageId;

            @Option(names = "--type", description = "Only tasks of this type (import, api_image_import, ...).")
            String type;

            @Option(names = "--status", description = "Only tasks in this status (pending, processing, success, failure).")
            String status;

            @Option(names = "--long", description = "Show every field (input, result, ...) in tabulated, value and CSV output.")
            boolean longListing;

            @Override
            void run() {
                Tasks tasks = Tasks.of(client());
                List<Record> rows = new ArrayList<>();
                if (imageId != null) {
                    for (Task t : tasks.listForImage(imageId(imageId))) {
                        if ((type == null || type.equals(t.type())) && (status == null || status.equals(t.status()))) {
                            rows.add(record(t));
                        }
                    }
                } else {
                    TaskListOpts.Builder b = TaskListOpts.builder();
                    if (type != null) {
                        b.type(type);
                    }
                    if (status != null) {
                        b.status(status);
                    }
                    for (Task t : tasks.list(b.build())) {
                        rows.add(record(t));
                    }
                }
                format.printList(rows, longListing ? List.of() : COLUMNS, out());
            }
        }

        @Command(name = "show", description = "Show one task (admin, by Glance's default policy).", mixinStandardHelpOptions = true)
        static final class Show extends ApiCommand {
            @Mixin
            FormatOption format;

            @Parameters(paramLabel = "TASK_ID", description = "The task id.")
            String taskId;

            @Override
            void run() {
                format.printOne(record(Tasks.of(client()).get(taskId)), out());
            }
        }

        @Command(name = "create", description = "Create a legacy import task: the service fetches a URL into a new "
                + "image (admin, by Glance's default policy).", mixinStandardHelpOptions = true)
        static final class Create extends ApiCommand {
            @Mixin
            FormatOption format;

            @Option(names = "--import-from", required = true, paramLabel = "URL", description = "An http URL the service fetches.")
            java.net.URI source;

            @Option(names = "--import-from-format", defaultValue = "raw", paramLabel = "FORMAT",
                    description = "The format of the fetched data (default: ${DEFAULT-VALUE}).")
            String sourceFormat;

            @Option(names = "--property", paramLabel = "KEY=VALUE",
                    description = "An attribute of the new image (name, disk_format, container_format, custom ones); repeatable.")
            Map<String, String> properties = new java.util.LinkedHashMap<>();

            @Option(names = "--wait", description = "Wait until the task ends and show it then (exit 1 when it failed).")
            boolean wait;

            @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
                    description = "How long --wait waits (default: ${DEFAULT-VALUE}).")
            long timeoutSeconds;

            @Override
            void run() {
                dev.imagesdk.images.tasks.TaskCreateOpts.Builder b =
                        dev.imagesdk.images.tasks.TaskCreateOpts.importFrom(source, sourceFormat);
                properties.forEach(b::imageProperty);
                Tasks tasks = Tasks.of(client());
                Task task = tasks.create(b.build());
                if (wait) {
                    task = tasks.waitFor(task.id(), java.time.Duration.ofSeconds(timeoutSeconds));
                }
                format.printOne(record(task), out());
                if ("failure".equals(task.status())) {
                    throw new CommandException(ExitCodes.SERVER_ERROR, "task " + task.id() + " failed: "
                            + task.message().orElse("(no message)"), "See imagectl tasks show " + task.id());
                }
            }
        }

        @Command(name = "wait", description = "Wait until a task ends and show it (exit 1 when it failed).",
                mixinStandardHelpOptions = true)
        static final class Wait extends ApiCommand {
            @Mixin
            FormatOption format;

            @Parameters(paramLabel = "TASK_ID", description = "The task id.")
            String taskId;

            @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
                    description = "How long to wait (default: ${DEFAULT-VALUE}).")
            long timeoutSeconds;

            @Override
            void run() {
                Task task = Tasks.of(client()).waitFor(taskId, java.time.Duration.ofSeconds(timeoutSeconds));
                format.printOne(record(task), out());
                if ("failure".equals(task.status())) {
                    throw new CommandException(ExitCodes.SERVER_ERROR, "task " + task.id() + " failed: "
                            + task.message().orElse("(no message)"), null);
                }
            }
        }
    }
}
