using System.Linq.Expressions;

namespace BackOffice.Workflows.Persistence;

/// <summary>
/// Exact-match filters on a search-hash column: <c>column = @h1 OR column = @h2 …</c>, one parameter per configured key
/// (<see cref="FieldEncryption.SearchHashes(string?, string)"/>). Written as equalities rather than <c>Contains</c>, so
/// neither provider adds a null check that would also read the (many) rows without a value.
/// </summary>
internal static class HashMatch
{
    public static Expression<Func<T, bool>> Any<T>(Expression<Func<T, string?>> column, IReadOnlyList<string> hashes)
    {
        Expression? body = null;
        foreach (var hash in hashes)
        {
            // A member of a captured object, not a constant: EF Core sends it as a parameter and caches one query shape.
            var equal = Expression.Equal(column.Body, Expression.Property(Expression.Constant(new Captured(hash)), nameof(Captured.Value)));
            body = body is null ? equal : Expression.OrElse(body, equal);
        }

        return Expression.Lambda<Func<T, bool>>(body ?? Expression.Constant(false), column.Parameters);
    }

    public static Expression<Func<T, bool>> Or<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Combine(left, right, Expression.OrElse);

    public static Expression<Func<T, bool>> And<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Combine(left, right, Expression.AndAlso);

    private static Expression<Func<T, bool>> Combine<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right,
        Func<Expression, Expression, BinaryExpression> join)
    {
        var parameter = left.Parameters[0];
        var rightBody = new Rebind(right.Parameters[0], parameter).Visit(right.Body);
        return Expression.Lambda<Func<T, bool>>(join(left.Body, rightBody), parameter);
    }

    private sealed class Captured(string value)
    {
        public string Value { get; } = value;
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
