using BackOffice.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddBackOffice();

var app = builder.Build();
await app.UseBackOfficeAsync();
await app.RunAsync();
