using BackOffice.Web;
using BackOffice.Web.Commands;

var (command, hostArguments) = BackOfficeCommands.Split(args);
if (command.Length > 0 && BackOfficeCommands.RunWithoutHost(command, Console.Out) is { } done) return done;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = hostArguments,
    ContentRootPath = command.Length > 0 ? CommandContentRoot.For(hostArguments, Directory.GetCurrentDirectory(), AppContext.BaseDirectory) : null,
});
builder.AddBackOffice();

var app = builder.Build();
if (command.Length > 0) return await BackOfficeCommands.RunAsync(app.Services, command, Console.Out);
await app.UseBackOfficeAsync();
await app.RunAsync();
return 0;
