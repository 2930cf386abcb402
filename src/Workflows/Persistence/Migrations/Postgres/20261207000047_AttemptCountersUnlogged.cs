using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BackOffice.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AttemptCountersUnlogged : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rate-limit counters need no WAL (AttemptCounterStore): their commits wait for no disk flush. Emptied after a
            // crash and not copied to a standby, which costs a few minutes of counting.
            migrationBuilder.Sql("ALTER TABLE \"AttemptCounters\" SET UNLOGGED;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"AttemptCounters\" SET LOGGED;");
        }
    }
}
