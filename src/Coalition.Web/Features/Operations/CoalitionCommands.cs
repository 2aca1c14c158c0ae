using Coalition.Web.Infrastructure;

namespace Coalition.Web.Features.Operations;

/// <summary>
/// The app's command-line modes: <c>backup --to DIR</c>, <c>restore --from DIR [--force]</c>. Anything else after the
/// command (for example <c>--ConnectionStrings:Coalition=…</c>) is configuration, read exactly as the web app reads it,
/// so a command sees the same database and media store as the site.
/// </summary>
public static class CoalitionCommands
{
    private static readonly string[] Names = ["backup", "restore"];

    /// <summary>Runs the command named by <paramref name="args"/>, if any, and sets the exit code; false means "start the site".</summary>
    public static async Task<bool> TryRunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || !Names.Contains(args[0], StringComparer.Ordinal))
        {
            return false;
        }

        Environment.ExitCode = await RunAsync(args, Console.Out);
        return true;
    }

    /// <summary>Runs one command, writing progress and a summary to <paramref name="output"/>; returns the exit code (0 on success).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var parsed = CommandLine.Parse(args);
        if (parsed.Error is not null)
        {
            await output.WriteLineAsync(parsed.Error);
            await output.WriteLineAsync(Usage);
            return 2;
        }

        await using var app = BuildServices(parsed.ConfigurationArgs);
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            return parsed.Command switch
            {
                "backup" => await scope.ServiceProvider.GetRequiredService<BackupWriter>().RunAsync(parsed.Value("--to")!, output, ct),
                "restore" => await scope.ServiceProvider.GetRequiredService<BackupRestorer>().RunAsync(parsed.Value("--from")!, parsed.Has("--force"), output, ct),
                _ => 2,
            };
        }
        catch (OperationFailedException e)
        {
            await output.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
    }

    private const string Usage = """
        usage: Coalition.Web backup --to DIR
               Coalition.Web restore --from DIR [--force]
        Settings as for the site, for example --ConnectionStrings:Coalition="Data Source=/srv/coalition/App_Data/coalition.db".
        """;

    /// <summary>Only what the commands need: the database and the media store, configured exactly as the site configures them.</summary>
    private static WebApplication BuildServices(string[] configurationArgs)
    {
        var builder = WebApplication.CreateBuilder(configurationArgs);
        builder.Logging.ClearProviders();
        // As in Development, in every environment: a missing registration fails here, not half-way through a restore.
        builder.Host.UseDefaultServiceProvider(o => o.ValidateOnBuild = o.ValidateScopes = true);
        builder.AddCoalitionDatabase();
        builder.AddCoalitionFileStore();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddTransient<BackupWriter>();
        builder.Services.AddTransient<BackupRestorer>();
        return builder.Build();
    }

    private sealed record CommandLine(string Command, Dictionary<string, string?> Options, string[] ConfigurationArgs, string? Error)
    {
        private static readonly Dictionary<string, (string[] Valued, string[] Flags, string Required)> Known = new(StringComparer.Ordinal)
        {
            ["backup"] = (["--to"], [], "--to"),
            ["restore"] = (["--from"], ["--force"], "--from"),
        };

        public string? Value(string name) => Options.GetValueOrDefault(name);

        public bool Has(string name) => Options.ContainsKey(name);

        public static CommandLine Parse(string[] args)
        {
            var command = args[0];
            var (valued, flags, required) = Known[command];
            var options = new Dictionary<string, string?>(StringComparer.Ordinal);
            var rest = new List<string>();
            for (var i = 1; i < args.Length; i++)
            {
                if (valued.Contains(args[i], StringComparer.Ordinal))
                {
                    if (i + 1 >= args.Length)
                    {
                        return new(command, options, [], $"{args[i]} needs a value.");
                    }

                    options[args[i]] = args[++i];
                }
                else if (flags.Contains(args[i], StringComparer.Ordinal))
                {
                    options[args[i]] = null;
                }
                else
                {
                    rest.Add(args[i]);
                }
            }

            return options.ContainsKey(required)
                ? new(command, options, [.. rest], null)
                : new(command, options, [.. rest], $"{command} needs {required} DIR.");
        }
    }
}

/// <summary>A command stopped for a reason the operator can act on; the message is printed, without a stack trace.</summary>
public sealed class OperationFailedException(string message) : Exception(message);
