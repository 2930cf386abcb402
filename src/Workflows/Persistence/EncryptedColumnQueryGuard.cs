using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace BackOffice.Workflows.Persistence;

/// <summary>
/// Makes the silent failure of a query on an encrypted column loud: a comparison, string search or sort on one
/// (<c>Where(r =&gt; r.Patient.DateOfBirth == day)</c>) would run in SQL against a ciphertext made with a fresh nonce and
/// match nothing, so compiling such a query throws, naming the property. Reading the column (a projection) and testing it
/// for null stay allowed. Runs once per query shape, when EF Core compiles it.
/// </summary>
internal sealed class EncryptedColumnQueryGuard : IQueryExpressionInterceptor
{
    /// <summary>
    /// The one instance: a query-expression interceptor is part of EF Core's internal service provider, so an instance per
    /// host would make a provider (and a model) per host. It holds nothing but the encrypted properties of each model.
    /// </summary>
    public static readonly EncryptedColumnQueryGuard Instance = new();

    private static readonly ConcurrentDictionary<IModel, HashSet<(Type, string)>> Encrypted = new();

    private EncryptedColumnQueryGuard()
    {
    }

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context) new Finder(Encrypted.GetOrAdd(context.Model, Of)).Visit(queryExpression);
        return queryExpression;
    }

    private static HashSet<(Type, string)> Of(IModel model)
    {
        var set = new HashSet<(Type, string)>();
        foreach (var entityType in model.GetEntityTypes())
        {
            foreach (var property in entityType.GetDeclaredProperties())
            {
                if (property.FindAnnotation(SensitiveFields.EncryptedAnnotation) is not null) set.Add((entityType.ClrType, property.Name));
            }
        }

        return set;
    }

    private sealed class Finder(HashSet<(Type, string)> encrypted) : ExpressionVisitor
    {
        private static readonly HashSet<string> Sorts =
            [nameof(Queryable.OrderBy), nameof(Queryable.OrderByDescending), nameof(Queryable.ThenBy), nameof(Queryable.ThenByDescending)];

        protected override Expression VisitBinary(BinaryExpression node)
        {
            if (node.NodeType is ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.LessThan or ExpressionType.LessThanOrEqual
                or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual)
            {
                Refuse(node.Left, node.Right);
                Refuse(node.Right, node.Left);
            }

            return base.VisitBinary(node);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType == typeof(string) || node.Method.Name is nameof(Equals) or nameof(string.CompareTo) or nameof(Enumerable.Contains))
            {
                foreach (var operand in node.Arguments.Prepend(node.Object))
                {
                    if (operand is not null && Name(operand) is { } name) throw Refused(name, node.Method.Name);
                }
            }

            if (node.Method.DeclaringType == typeof(Queryable) && Sorts.Contains(node.Method.Name)
                && node.Arguments[1] is UnaryExpression { Operand: LambdaExpression key } && Name(key.Body) is { } sorted)
                throw Refused(sorted, node.Method.Name);
            return base.VisitMethodCall(node);
        }

        private void Refuse(Expression column, Expression other)
        {
            if (Name(column) is { } name && !IsNull(other)) throw Refused(name, "a comparison");
        }

        /// <summary>The encrypted property an expression reads, if it is one.</summary>
        private string? Name(Expression expression)
        {
            while (expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert) expression = convert.Operand;
            switch (expression)
            {
                case MemberExpression { Member: PropertyInfo property, Expression: { } owner }
                    when encrypted.Contains((owner.Type, property.Name)) || encrypted.Contains((property.DeclaringType!, property.Name)):
                    return $"{property.DeclaringType!.Name}.{property.Name}";
                case MethodCallExpression { Method.Name: nameof(EF.Property), Arguments: [var owner, ConstantExpression { Value: string name }] }
                    when encrypted.Contains((owner.Type, name)):
                    return $"{owner.Type.Name}.{name}";
                default:
                    return null;
            }
        }

        private static bool IsNull(Expression expression)
        {
            while (expression is UnaryExpression { NodeType: ExpressionType.Convert } convert) expression = convert.Operand;
            return expression is ConstantExpression { Value: null };
        }

        private static InvalidOperationException Refused(string property, string use) => new(
            $"{property} is stored encrypted, so {use} on it cannot run in the database (it would match nothing). Compare its search "
            + "hash (see SensitiveFields), or read the rows first and compare them in memory.");
    }
}
