using System.Text;

namespace WifiBilling.Billing.Storage.Sqlite;

/// <summary>
/// Builds a WHERE clause from optional filters. Clauses are constants of this assembly with <c>$parameters</c> for
/// every value, so the text never contains user input.
/// </summary>
internal sealed class SqliteWhereClause
{
    private readonly StringBuilder _text = new(" WHERE 1 = 1");

    public SqliteWhereClause And(bool condition, string clause)
    {
        if (condition)
        {
            _text.Append(" AND ").Append(clause);
        }

        return this;
    }

    public override string ToString() => _text.ToString();
}
