"""Independent corpus for "Python Basics with Numpy", written without reading the known-mistake catalogues
or the existing corpora: from the source notebook's instructions and from how learners report going wrong
in public threads (community.deeplearning.ai "W2_A1" threads on the L1/L2 losses, StackOverflow questions
on softmax with axis=0 and on "operands could not be broadcast together with shapes (80,3) (80,)",
the forum's "Flattening images" FAQ, and the notebook's own warnings about rank-1 arrays and keepdims).
"""
# Sources (public threads the entries draw from):
#   "W2_A1_Ex-8: Implementing L1 and L2 Loss Functions" (community.deeplearning.ai, Course Q&A)
#   https://community.deeplearning.ai/t/im-getting-error-on-this-code-snippet-why/652102
#   https://stackguides.com/questions/45817372/python-command-np-sumx-axis-0-and-softmax-function
#     (mirror of StackOverflow 45817372: softmax with np.sum(..., axis=0))
#   "Softmax regression in numpy: operands could not be broadcast together with shapes (80,3) (80,)" (StackOverflow)
#   https://splunktool.com/in-python-calculate-the-softmax-of-an-array-columnwise-using-numpy
#   https://community.deeplearning.ai/t/flattening-images-in-the-logistic-regression-assignment-in-course-1-week-2/149
from tests.mistake_corpus.kinds import Right, Wrong

ASSIGNMENT = "week2_numpy_basics"

CORPUS = [
    # ---------------------------------------------------------------- basic_sigmoid
    # Sign slip: e^x instead of e^-x (a frequent forum correction: "look at the sign in the exponent").
    Wrong("basic_sigmoid", "[value] exponent without the minus sign: 1 / (1 + e^x)", """
def basic_sigmoid(x):
    s = 1 / (1 + math.exp(x))
    return s
"""),
    # Operator precedence: parentheses around the denominator forgotten.
    Wrong("basic_sigmoid", "[value] missing parentheses: 1 / 1 + e^-x", """
def basic_sigmoid(x):
    # sigmoid = 1 over 1 plus e to the minus x
    s = 1 / 1 + math.exp(-x)
    return s
"""),
    Right("basic_sigmoid", "computes e^-x in its own variable first, float literals", """
def basic_sigmoid(x):
    e = math.exp(-x)
    s = 1.0 / (1.0 + e)
    return s
"""),

    # ---------------------------------------------------------------- sigmoid
    # Copies basic_sigmoid: math.exp on an array raises "only size-1 arrays can be converted"
    # (the notebook's own demo cell shows this TypeError; many forum posts paste it).
    Wrong("sigmoid", "[raises] math.exp on a numpy array (TypeError: only size-1 arrays)", """
def sigmoid(x):
    s = 1 / (1 + math.exp(-x))
    return s
"""),
    # e^-x / (1 + e^-x) is 1 - sigmoid(x).
    Wrong("sigmoid", "[value] e^-x / (1 + e^-x): computes 1 - sigmoid(x)", """
def sigmoid(x):
    t = np.exp(-x)
    s = t / (1 + t)
    return s
"""),
    Right("sigmoid", "np.exp(-x) in a temporary, denominator written e + 1", """
def sigmoid(x):
    e = np.exp(-x)
    s = 1 / (e + 1)
    return s
"""),

    # ---------------------------------------------------------------- sigmoid_derivative
    # Reuses the math-based basic_sigmoid from exercise 1 on an array.
    Wrong("sigmoid_derivative", "[raises] calls basic_sigmoid (math.exp) on an array", """
def sigmoid_derivative(x):
    s = basic_sigmoid(x)
    ds = s * (1 - s)
    return ds
"""),
    # s * (1 - x) instead of s * (1 - s).
    Wrong("sigmoid_derivative", "[value] sigma(x) * (1 - x) instead of s * (1 - s)", """
def sigmoid_derivative(x):
    s = sigmoid(x)
    ds = s * (1 - x)
    return ds
"""),
    # np.dot instead of the elementwise product: a number for a vector, raises for a non-square matrix.
    # (Forum: "Note the difference between np.dot() ... and np.multiply() or *".)
    Wrong("sigmoid_derivative", "[value] np.dot(s, 1 - s) instead of the elementwise product", """
def sigmoid_derivative(x):
    s = sigmoid(x)
    ds = np.dot(s, 1 - s)
    return ds
"""),
    Right("sigmoid_derivative", "s - s**2 instead of s * (1 - s)", """
def sigmoid_derivative(x):
    s = sigmoid(x)
    ds = s - s ** 2
    return ds
"""),

    # ---------------------------------------------------------------- image2vector
    # Transposes before flattening (the notebook warns this mixes the pixels up).
    Wrong("image2vector", "[value] flattens image.T: right shape, pixels in the wrong order", """
def image2vector(image):
    v = image.T.reshape(-1, 1)
    return v
"""),
    # Rank-1 result (length*height*depth,) instead of a column.
    Wrong("image2vector", "[value] reshape to a rank-1 array of shape (n,), not (n, 1)", """
def image2vector(image):
    n = image.shape[0] * image.shape[1] * image.shape[2]
    v = image.reshape(n)
    return v
"""),
    # Hard-coded RGB depth 3: raises for any other depth.
    Wrong("image2vector", "[raises] hard-codes depth 3 (RGB): reshape fails for other depths", """
def image2vector(image):
    v = image.reshape(image.shape[0] * image.shape[1] * 3, 1)
    return v
"""),
    Right("image2vector", "np.reshape with -1 for the length", """
def image2vector(image):
    v = np.reshape(image, (-1, 1))
    return v
"""),

    # ---------------------------------------------------------------- normalize_rows
    # No keepdims: (m, n) / (m,) raises for m != n (and divides columns for square x).
    Wrong("normalize_rows", "[raises] norm without keepdims=True: (m, n) / (m,) broadcast error", """
def normalize_rows(x):
    x_norm = np.linalg.norm(x, axis=1)
    x = x / x_norm
    return x
"""),
    # Column norms instead of row norms.
    Wrong("normalize_rows", "[value] axis=0: divides each column by its norm", """
def normalize_rows(x):
    x_norm = np.linalg.norm(x, ord=2, axis=0, keepdims=True)
    x = x / x_norm
    return x
"""),
    # Whole-matrix (Frobenius) norm.
    Wrong("normalize_rows", "[value] no axis: divides by the norm of the whole matrix", """
def normalize_rows(x):
    x_norm = np.linalg.norm(x)
    x = x / x_norm
    return x
"""),
    # Sum of squares without the square root.
    Wrong("normalize_rows", "[value] divides by the sum of squares (forgot the square root)", """
def normalize_rows(x):
    x_norm = np.sum(x ** 2, axis=1, keepdims=True)
    x = x / x_norm
    return x
"""),
    Right("normalize_rows", "square root of the row sums of x*x instead of np.linalg.norm", """
def normalize_rows(x):
    x_norm = np.sqrt(np.sum(x * x, axis=1, keepdims=True))
    x = x / x_norm
    return x
"""),

    # ---------------------------------------------------------------- softmax
    # StackOverflow classic: np.sum(np.exp(x), axis=0) normalizes columns, not rows.
    Wrong("softmax", "[value] sums over axis=0: softmax of each column", """
def softmax(x):
    x_exp = np.exp(x)
    x_sum = np.sum(x_exp, axis=0, keepdims=True)
    s = x_exp / x_sum
    return s
"""),
    # StackOverflow: "operands could not be broadcast together with shapes (80,3) (80,)".
    Wrong("softmax", "[raises] row sums without keepdims: (m, n) / (m,) broadcast error", """
def softmax(x):
    x_exp = np.exp(x)
    x_sum = np.sum(x_exp, axis=1)
    s = x_exp / x_sum
    return s
"""),
    # One sum over the whole matrix.
    Wrong("softmax", "[value] divides by the sum over the whole matrix", """
def softmax(x):
    x_exp = np.exp(x)
    s = x_exp / np.sum(x_exp)
    return s
"""),
    Right("softmax", "subtracts the row maximum first (numerically stable), same values", """
def softmax(x):
    shifted = x - np.max(x, axis=1, keepdims=True)
    x_exp = np.exp(shifted)
    s = x_exp / x_exp.sum(axis=1, keepdims=True)
    return s
"""),

    # ---------------------------------------------------------------- L1
    # community.deeplearning.ai "W2_A1_Ex-8: Implementing L1 and L2 Loss Functions": abs forgotten.
    Wrong("L1", "[value] sums the signed errors (no np.abs)", """
def L1(yhat, y):
    loss = np.sum(y - yhat)
    return loss
"""),
    Wrong("L1", "[value] mean absolute error instead of the sum", """
def L1(yhat, y):
    loss = np.mean(np.abs(y - yhat))
    return loss
"""),
    # Same thread: learner added axis arguments; axis=1 does not exist for the (m,) vectors.
    Wrong("L1", "[raises] np.sum(..., axis=1) on a vector of shape (m,) (AxisError)", """
def L1(yhat, y):
    loss = np.sum(np.abs(yhat - y), axis=1)
    return loss
"""),
    Right("L1", "a Python loop over the examples", """
def L1(yhat, y):
    loss = 0
    for i in range(len(y)):
        loss += abs(y[i] - yhat[i])
    return loss
"""),

    # ---------------------------------------------------------------- L2
    # The notebook: "No square root: this is the squared norm of the error, not the norm."
    Wrong("L2", "[value] takes the square root (the norm, not its square)", """
def L2(yhat, y):
    loss = np.sqrt(np.dot(y - yhat, y - yhat))
    return loss
"""),
    # Squares after summing the absolute errors.
    Wrong("L2", "[value] squares the L1 sum instead of summing the squares", """
def L2(yhat, y):
    loss = np.sum(np.abs(y - yhat)) ** 2
    return loss
"""),
    # Follows the rank-1 advice, makes columns, then np.dot of (m,1) by (m,1) fails.
    Wrong("L2", "[raises] reshapes the error to a column and dots it with itself: (m,1).(m,1)", """
def L2(yhat, y):
    diff = (y - yhat).reshape(-1, 1)
    loss = np.dot(diff, diff)
    return loss
"""),
    Right("L2", "np.sum(np.square(...)) instead of np.dot", """
def L2(yhat, y):
    loss = np.sum(np.square(yhat - y))
    return loss
"""),
]
