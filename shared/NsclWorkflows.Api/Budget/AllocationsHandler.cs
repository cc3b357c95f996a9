using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Api.Lifecycle;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Text;
using NsclWorkflows.Domain.Validation;
using static NsclWorkflows.Domain.Text.VietnameseFormat;

namespace NsclWorkflows.Api.Budget;

/// <summary>
/// <c>GET /api/budget/allocations[?year=&amp;line=]</c> (officers): the allocation log with its documents.
/// <c>POST /api/budget/allocations</c> (Admin only): records an allocation ("dự toán được giao", or its revision) of an
/// item in a year, or a transfer between two items of a year (V.2.b), with the deciding document. Entries are only
/// added: a revision is a new allocation, never an edit. Bad fields are 422 field errors; what the ledger refuses (a
/// ceiling below what is already held, a transfer the source cannot give) is a 409 with the ledger's code.
/// </summary>
public sealed class AllocationsHandler(
    IBudgetAllocations allocations, BudgetPlan plan, OfficerAuthenticator officers, ProgrammeCatalogue catalogue, TimeProvider time)
{
    const int MaxNumber = 100;
    const int MaxIssuer = 300;
    const int MaxNote = 2000;
    const long MaxAmount = 1_000_000_000_000_000;

    /// <summary>The fields of the body (<see cref="AllocationBody"/> describes them for the OpenAPI document).</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "kind", "year", "lineId", "fromLineId", "toLineId", "amountVnd", "documentNumber", "documentDate", "documentIssuer", "note",
    };

    public async Task<Results<ApiOk<AllocationsView>, ProblemHttpResult>> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ProgrammeViewQuery.TryRead(request, officers, catalogue, out var year, out var problem))
        {
            return problem!;
        }

        var line = request.Query["line"].ToString();
        var entries = await allocations.GetAllocationsAsync(year, line.Length == 0 ? null : line, cancellationToken);
        return ApiResults.Ok(new AllocationsView([.. entries.Select(View)]));
    }

    public async Task<Results<ApiCreated<AllocationsRecorded>, ProblemHttpResult>> RecordAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var officer = officers.Authenticate(request);
        if (officer is null)
        {
            return ApiProblem.UnauthorizedProblem();
        }

        if (!officer.IsAdmin)
        {
            return ApiProblem.Problem(StatusCodes.Status403Forbidden, "forbidden_role", "Không có quyền thực hiện",
                "Chỉ quản trị hệ thống được ghi nhận dự toán được giao và điều chuyển kinh phí giữa các mục chi.",
                extensions: new { requiredRole = OfficerRoles.Admin });
        }

        var (document, problem) = await JsonRequestBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        Command? command;
        IReadOnlyList<FieldError> errors;
        using (document)
        {
            (command, errors) = Read(document!.RootElement);
        }

        if (errors.Count > 0)
        {
            return ApiProblem.ValidationProblem(errors);
        }

        var c = command!;
        var now = time.GetUtcNow();
        var entryId = $"alloc-{now:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}";
        if (c.Transfer)
        {
            var (outResult, inResult) = await AllocationTransfers.TransferAsync(
                allocations, entryId, c.Year, c.FromLineId!, c.ToLineId!, c.AmountVnd, c.Document, c.Note, officer.Name, now, cancellationToken);
            if (outResult.Refused)
            {
                return Refused(outResult);
            }

            if (inResult!.Refused)
            {
                // Only a programming error gets here (a funded item never refuses money in): the out half stays recorded.
                throw new InvalidOperationException($"Transfer {entryId}: the destination refused ({inResult.RefusalCode}) after the source gave.");
            }

            return Created([outResult, inResult]);
        }

        var result = await allocations.AllocateAsync(
            new AllocationRequest(entryId, new BudgetKey(c.LineId!, c.Year), AllocationKind.Allocate, c.AmountVnd, null, c.Document, c.Note, officer.Name, now),
            cancellationToken);
        return result.Refused ? Refused(result) : Created([result]);
    }

    ApiCreated<AllocationsRecorded> Created(IReadOnlyList<AllocationResult> results) =>
        ApiResults.Created(new AllocationsRecorded([.. results.Select(r => View(r.Entry!))], [.. results.Select(r => BudgetHandler.Row(r.Balance, plan))]));

    static ProblemHttpResult Refused(AllocationResult result) => ApiProblem.Problem(StatusCodes.Status409Conflict, result.RefusalCode!,
        "Không thể ghi nhận dự toán", result.RefusalMessage,
        extensions: new
        {
            lineId = result.Balance.Key.LineId,
            year = result.Balance.Key.Year,
            allocatedVnd = result.Balance.CeilingSource == CeilingSource.None ? (long?)null : result.Balance.CeilingVnd,
            usedVnd = result.Balance.UsedVnd,
        });

    static AllocationEntryView View(AllocationEntry e) => new(
        e.EntryId, e.Key.LineId, e.Key.Year, JsonNamingPolicy.CamelCase.ConvertName(e.Kind.ToString()), AllocationRules.KindText(e.Kind),
        e.AmountVnd, e.DeltaVnd, e.CeilingAfterVnd, e.CounterpartLineId,
        new AllocationDocumentView(e.Document.Number, e.Document.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.Document.Issuer),
        e.Note, e.Actor, e.AtUtc, e.Sequence);

    sealed record Command(bool Transfer, int Year, string? LineId, string? FromLineId, string? ToLineId, long AmountVnd, AllocationDocument Document, string? Note);

    (Command? Command, IReadOnlyList<FieldError> Errors) Read(JsonElement root)
    {
        var errors = new List<FieldError>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError("", ErrorCodes.WrongType, "Nội dung gửi lên phải là một đối tượng JSON."));
            return (null, errors);
        }

        foreach (var property in root.EnumerateObject())
        {
            if (!JsonText.TryGetName(property, out var name) || !Known.Contains(name))
            {
                var shown = TextSafety.Clean(name, multiLine: false);
                errors.Add(new FieldError(shown, ErrorCodes.UnknownField, $"Trường \"{shown}\" không được hỗ trợ."));
            }
        }

        var kind = Line(root, "kind", "loại bút toán", 20, required: true, errors);
        var transfer = kind == "transfer";
        if (kind is not null and not ("allocation" or "transfer"))
        {
            errors.Add(new FieldError("kind", ErrorCodes.OutOfRange, "Loại bút toán phải là \"allocation\" (giao dự toán) hoặc \"transfer\" (điều chuyển giữa các mục chi)."));
        }

        int? year = null;
        if (Present(root, "year", required: true, errors, "năm ngân sách") is { } y)
        {
            if (y.ValueKind != JsonValueKind.Number || !y.TryGetInt32(out var value))
            {
                errors.Add(new FieldError("year", ErrorCodes.WrongType, "Năm ngân sách phải là một số nguyên."));
            }
            else if (!plan.IsAllocationYear(value))
            {
                errors.Add(new FieldError("year", ErrorCodes.OutOfRange, $"Năm ngân sách phải từ {plan.FirstYear} đến {plan.LastYear}."));
            }
            else
            {
                year = value;
            }
        }

        string? lineId = null, fromLineId = null, toLineId = null;
        if (transfer)
        {
            fromLineId = Item(root, "fromLineId", "mục chi chuyển đi", errors);
            toLineId = Item(root, "toLineId", "mục chi nhận", errors);
            if (fromLineId is not null && fromLineId == toLineId)
            {
                errors.Add(new FieldError("toLineId", ErrorCodes.OutOfRange, "Mục chi nhận phải khác mục chi chuyển đi."));
            }

            Forbid(root, "lineId", "Điều chuyển dùng fromLineId và toLineId, không dùng lineId.", errors);
        }
        else if (kind == "allocation")
        {
            lineId = Item(root, "lineId", "mục chi", errors);
            Forbid(root, "fromLineId", "Giao dự toán dùng lineId; fromLineId chỉ dùng khi điều chuyển.", errors);
            Forbid(root, "toLineId", "Giao dự toán dùng lineId; toLineId chỉ dùng khi điều chuyển.", errors);
        }

        long? amount = null;
        if (Present(root, "amountVnd", required: true, errors, "số tiền") is { } a)
        {
            if (a.ValueKind != JsonValueKind.Number || !a.TryGetInt64(out var value))
            {
                errors.Add(new FieldError("amountVnd", ErrorCodes.WrongType, "Số tiền phải là một số nguyên (đồng)."));
            }
            else if (value < 0 || value > MaxAmount || (transfer && value == 0))
            {
                errors.Add(new FieldError("amountVnd", ErrorCodes.OutOfRange, transfer
                    ? $"Số tiền điều chuyển phải lớn hơn 0 và không quá {Dong(MaxAmount)}."
                    : $"Dự toán được giao phải từ 0 đến {Dong(MaxAmount)}."));
            }
            else
            {
                amount = value;
            }
        }

        var number = Line(root, "documentNumber", "số, ký hiệu văn bản", MaxNumber, required: true, errors);
        var issuer = Line(root, "documentIssuer", "cơ quan ban hành", MaxIssuer, required: true, errors);
        DateOnly? issuedOn = null;
        if (Present(root, "documentDate", required: true, errors, "ngày ban hành văn bản") is { } d)
        {
            var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(DeadlinePlanner.VietnamOffset).DateTime);
            if (!JsonText.TryGetString(d, out var text)
                || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add(new FieldError("documentDate", ErrorCodes.InvalidFormat, "Ngày ban hành văn bản phải có dạng yyyy-MM-dd."));
            }
            else if (date > today || date.Year < plan.FirstYear - 1)
            {
                errors.Add(new FieldError("documentDate", ErrorCodes.OutOfRange,
                    $"Ngày ban hành văn bản phải từ năm {plan.FirstYear - 1} đến hôm nay ({today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)})."));
            }
            else
            {
                issuedOn = date;
            }
        }

        var note = Block(root, "note", "ghi chú", MaxNote, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new Command(transfer, year!.Value, lineId, fromLineId, toLineId, amount!.Value, new AllocationDocument(number!, issuedOn!.Value, issuer!), note), errors);
    }

    string? Item(JsonElement root, string name, string label, List<FieldError> errors)
    {
        var id = Line(root, name, label, 20, required: true, errors);
        if (id is null)
        {
            return null;
        }

        if (!plan.IsFundedItem(id))
        {
            var reason = plan.IsLedgerLine(id)
                ? $"Mục {id} được bố trí kinh phí từ nguồn khác (lồng ghép), không giao dự toán trên sổ kinh phí của Sở."
                : $"Không có mục chi \"{id}\" trong danh mục kinh phí.";
            errors.Add(new FieldError(name, ErrorCodes.OutOfRange, $"{reason} Các mục chi được bố trí kinh phí: {string.Join(", ", plan.FundedItems)}."));
            return null;
        }

        return id;
    }

    static void Forbid(JsonElement root, string name, string message, List<FieldError> errors)
    {
        if (root.TryGetProperty(name, out var e) && e.ValueKind != JsonValueKind.Null)
        {
            errors.Add(new FieldError(name, ErrorCodes.UnknownField, message));
        }
    }

    static JsonElement? Present(JsonElement root, string name, bool required, List<FieldError> errors, string label)
    {
        if (root.TryGetProperty(name, out var e) && e.ValueKind != JsonValueKind.Null)
        {
            return e;
        }

        if (required)
        {
            errors.Add(new FieldError(name, ErrorCodes.Required, $"Vui lòng nhập {label}."));
        }

        return null;
    }

    static string? Line(JsonElement root, string name, string label, int max, bool required, List<FieldError> errors) =>
        Text(root, name, label, max, required, multiLine: false, errors);

    static string? Block(JsonElement root, string name, string label, int max, List<FieldError> errors) =>
        Text(root, name, label, max, required: false, multiLine: true, errors);

    static string? Text(JsonElement root, string name, string label, int max, bool required, bool multiLine, List<FieldError> errors)
    {
        if (Present(root, name, required, errors, label) is not { } e)
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.String)
        {
            errors.Add(new FieldError(name, ErrorCodes.WrongType, $"{Capital(label)} phải là một chuỗi ký tự."));
            return null;
        }

        if (!JsonText.TryGetString(e, out var raw))
        {
            errors.Add(new FieldError(name, ErrorCodes.InvalidCharacters, $"{Capital(label)} chứa {TextSafety.Describe(TextHazard.LoneSurrogate)}; vui lòng gõ lại nội dung."));
            return null;
        }

        if (TextSafety.Check(raw, name, Capital(label)) is { } unsafeText)
        {
            errors.Add(unsafeText);
            return null;
        }

        var text = multiLine ? VietnameseText.NormaliseBlock(raw) : VietnameseText.NormaliseLine(raw);
        if (text.Length == 0)
        {
            if (required)
            {
                errors.Add(new FieldError(name, ErrorCodes.Required, $"Vui lòng nhập {label}."));
            }

            return null;
        }

        if (text.Length > max)
        {
            errors.Add(new FieldError(name, ErrorCodes.TooLong, $"{Capital(label)} không được dài quá {max} ký tự."));
            return null;
        }

        return text;
    }

    static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

/// <summary>The allocation log (<see cref="AllocationsHandler"/>).</summary>
public sealed record AllocationsView(IReadOnlyList<AllocationEntryView> Entries);

/// <summary>What one recording added: its entries (two for a transfer) and the balances after them.</summary>
public sealed record AllocationsRecorded(IReadOnlyList<AllocationEntryView> Entries, IReadOnlyList<Lifecycle.BudgetRowView> Balances);

/// <summary>One allocation entry as the API shows it (kind in camelCase with its Vietnamese text).</summary>
public sealed record AllocationEntryView(string EntryId, string LineId, int Year, string Kind, string KindText, long AmountVnd, long DeltaVnd,
    long AllocatedAfterVnd, string? CounterpartLineId, AllocationDocumentView Document, string? Note, string Actor, DateTimeOffset AtUtc, long Sequence);

/// <summary>The deciding document of an allocation entry (date as <c>yyyy-MM-dd</c>).</summary>
public sealed record AllocationDocumentView(string Number, string Date, string Issuer);
